// MongoDB Extended JSON as @cloudbase/database writes it (EJSON.stringify with relaxed: false), plus
// CloudBase's own `$tcb_server_date`. Parsing yields plain JS values (Date, RegExp, number) that mingo
// understands; stringifying writes what the SDK's `EJSON.parse` turns back into the same values.

import { invalidParam } from './errors'

const REGEXP_FLAGS = new Set(['i', 'm', 's', 'u'])

// Type checks avoid `instanceof` so values from another realm (jest's vm context) still qualify.
const tag = (value: unknown): string => Object.prototype.toString.call(value)

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (tag(value) !== '[object Object]') return false
  const proto = Object.getPrototypeOf(value) as object | null
  return proto === null || Object.getPrototypeOf(proto) === null
}

export const isDate = (value: unknown): value is Date => tag(value) === '[object Date]'
export const isRegExp = (value: unknown): value is RegExp => tag(value) === '[object RegExp]'

/** Deep copy of stored values (plain objects, arrays, Date, RegExp, primitives). */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneValue) as unknown as T
  if (isDate(value)) return new Date(value.getTime()) as unknown as T
  if (isRegExp(value)) return new RegExp(value.source, value.flags) as unknown as T
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) out[key] = cloneValue(inner)
    return out as T
  }
  return value
}

function toRegExp(pattern: unknown, options: unknown): RegExp {
  const flags = [...new Set(String(options ?? '').split(''))].filter((f) => REGEXP_FLAGS.has(f)).join('')
  return new RegExp(String(pattern ?? ''), flags)
}

function toNumber(text: unknown): number {
  return Number(text)
}

function reviveWrapper(value: Record<string, unknown>, now: number): unknown {
  const keys = Object.keys(value)
  const first = keys[0]
  if (first === undefined || !first.startsWith('$')) return value
  const inner = value[first]
  if (keys.length === 1) {
    switch (first) {
      case '$date': return new Date(typeof inner === 'string' ? Date.parse(inner) : toNumber(inner))
      case '$numberInt':
      case '$numberLong':
      case '$numberDouble':
      case '$numberDecimal': return toNumber(inner)
      case '$oid': return String(inner)
      case '$undefined': return undefined
      case '$regularExpression': {
        const re = isPlainObject(inner) ? inner : {}
        return toRegExp(re.pattern, re.options)
      }
      case '$tcb_server_date': {
        const offset = isPlainObject(inner) ? Number(inner.offset ?? 0) : 0
        return new Date(now + (Number.isFinite(offset) ? offset : 0))
      }
      default: return value
    }
  }
  if (keys.length === 2 && '$regex' in value && '$options' in value && typeof value.$regex === 'string') {
    return toRegExp(value.$regex, value.$options)
  }
  return value
}

/** Parses an EJSON string (canonical or relaxed). `now` is the server time used for serverDate(). */
export function parseEJSON(text: string, now: number = Date.now()): unknown {
  return JSON.parse(text, (_key, value: unknown) => (isPlainObject(value) ? reviveWrapper(value, now) : value))
}

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key]
  if (isDate(raw)) {
    const ms = raw.getTime()
    return Number.isNaN(ms) ? null : { $date: { $numberLong: String(ms) } }
  }
  if (isRegExp(raw)) return { $regularExpression: { pattern: raw.source, options: raw.flags } }
  if (typeof raw === 'number' && !Number.isFinite(raw)) return { $numberDouble: String(raw) }
  if (typeof raw === 'bigint') return { $numberLong: raw.toString() }
  return value
}

/** Stringifies to relaxed EJSON: plain JSON numbers, `$date` and `$regularExpression` wrappers. */
export function stringifyEJSON(value: unknown): string {
  return JSON.stringify(value, replacer) ?? 'null'
}

/** Parses an optional EJSON request field into an object; undefined or '' gives `fallback`. */
export function parseObjectField(
  text: unknown, field: string, now: number, fallback: Record<string, unknown> = {},
): Record<string, unknown> {
  if (text === undefined || text === null || text === '') return fallback
  if (typeof text !== 'string') {
    if (isPlainObject(text)) return text
    throw invalidParam(`${field} must be an EJSON string`)
  }
  let parsed: unknown
  try {
    parsed = parseEJSON(text, now)
  } catch (err) {
    throw invalidParam(`${field} is not valid EJSON: ${(err as Error).message}`)
  }
  if (!isPlainObject(parsed)) throw invalidParam(`${field} must be an object`)
  return parsed
}

export { isPlainObject }
