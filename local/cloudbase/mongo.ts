// MongoDB semantics via mingo: query matching, find (sort/skip/limit/projection), aggregation
// pipelines and update operators, with the validation MongoDB does and mingo does not (numeric $inc,
// array targets, conflicting paths, immutable _id).

import { Aggregator, Context, Query, createUpdater } from 'mingo'
import type { Doc } from './store'
import { dbFailed, fromQueryEngine, invalidParam, CloudbaseError, ErrorCode } from './errors'
import { cloneValue, isPlainObject, stringifyEJSON } from './ejson'

// `mingo/init/context` is only reachable through the package's `exports` map, which the repo's
// `moduleResolution: node` does not read for types, hence the typed require.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- reachable only through the package's exports map, which `moduleResolution: node` does not read
const fullContext = (require('mingo/init/context') as { default: () => Context }).default
const context = fullContext()
const options = { context, scriptEnabled: false }
const updater = createUpdater({ cloneMode: 'deep', queryOptions: options })

export type Filter = Record<string, unknown>

// Filters are compiled without mingo's per-call setup: `new Query(filter, options)` copies every
// operator table of the context (initOptions) and merges four of them again (~0.23 ms a filter,
// more than the scan of a small collection). The options are initialised once here and the filter
// is compiled by Query's base class (QueryImpl, which Query only extends with that table merge);
// the full context already holds every operator Query would add, so matching is identical.
type QueryOptions = NonNullable<ConstructorParameters<typeof Query>[1]>
// eslint-disable-next-line @typescript-eslint/no-require-imports -- reachable only through the package's exports map, which `moduleResolution: node` does not read
const { initOptions } = require('mingo/core') as { initOptions: (o: QueryOptions) => QueryOptions }
const queryOptions = initOptions(options)
const QueryImpl = Object.getPrototypeOf(Query) as typeof Query

/**
 * Query operators CloudBase's database accepts: the `db.command` query commands of its documentation
 * (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Command.html and
 * docs.cloudbase.net/api-reference/server/node-sdk/database: eq neq lt lte gt gte in nin and or nor not
 * exists mod all elemMatch size expr, the geo commands) and `db.RegExp` (`$regex`/`$options`). Anything
 * else (MongoDB's `$where`, `$function`, `$text`, `$jsonSchema`, `$type`, `$bitsAllSet`, `$comment`, …)
 * is refused with DATABASE_INVALID_OPERRATOR (-502002), as CloudBase refuses an operator it does not know.
 */
const TOP_OPERATORS = new Set(['$and', '$or', '$nor', '$expr'])
const FIELD_OPERATORS = new Set([
  '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$not', '$exists', '$size', '$elemMatch', '$all', '$mod',
  '$regex', '$options', '$geoNear', '$geoWithin', '$geoIntersects',
])

const unsupported = (op: string) => new CloudbaseError(ErrorCode.DATABASE_INVALID_OPERRATOR, `query operator ${op} is not supported`)

function checkFieldCondition(condition: unknown): void {
  if (!isPlainObject(condition)) return
  const ops = Object.keys(condition).filter((k) => k.startsWith('$'))
  if (ops.length === 0) return
  for (const op of ops) {
    if (!FIELD_OPERATORS.has(op)) throw unsupported(op)
    const operand = (condition as Record<string, unknown>)[op]
    if (op === '$not') checkFieldCondition(operand)
    if (op === '$elemMatch' && isPlainObject(operand)) {
      if (Object.keys(operand).every((k) => k.startsWith('$') && !TOP_OPERATORS.has(k))) checkFieldCondition(operand)
      else checkOperators(operand as Filter)
    }
    if (op === '$all' && Array.isArray(operand)) for (const item of operand) if (isPlainObject(item) && '$elemMatch' in item) checkFieldCondition(item)
  }
}

/** Throws DATABASE_INVALID_OPERRATOR for a query operator CloudBase does not support (see FIELD_OPERATORS). */
export function checkOperators(filter: Filter): void {
  for (const [key, value] of Object.entries(filter)) {
    if (!key.startsWith('$')) {
      checkFieldCondition(value)
      continue
    }
    if (!TOP_OPERATORS.has(key)) throw unsupported(key)
    if (key !== '$expr' && Array.isArray(value)) for (const part of value) if (isPlainObject(part)) checkOperators(part as Filter)
  }
}

/** A compiled mingo query (same semantics as `new Query(filter, options)`); mingo errors become database errors. */
export function newQuery(filter: Filter): Query {
  checkOperators(filter)
  try {
    return new QueryImpl(filter, queryOptions)
  } catch (err) {
    throw fromQueryEngine(err)
  }
}

export type Sort = Record<string, 1 | -1>

export interface FindOptions { sort?: Sort; skip?: number; limit?: number; projection?: Record<string, unknown> }

/** Sorts, pages and projects documents already filtered (scan.ts), as mingo's find does. */
export function findDocs(docs: Doc[], opts: FindOptions = {}): Doc[] {
  try {
    const projection = opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined
    let cursor = new QueryImpl({}, queryOptions).find<Doc>(docs, projection)
    if (opts.sort && Object.keys(opts.sort).length) cursor = cursor.sort(opts.sort)
    if (opts.skip) cursor = cursor.skip(opts.skip)
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit)
    return cursor.all()
  } catch (err) {
    throw fromQueryEngine(err)
  }
}

export function runPipeline(docs: Doc[], pipeline: Record<string, unknown>[], resolve: (name: string) => Doc[]): unknown[] {
  try {
    const collectionResolver = (name: string): Doc[] => cloneValue(resolve(name))
    return new Aggregator(pipeline, { ...options, collectionResolver }).run(cloneValue(docs))
  } catch (err) {
    throw fromQueryEngine(err)
  }
}

const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll', '$addToSet', '$pop',
])
const NUMERIC_OPERATORS = new Set(['$inc', '$mul'])
const ARRAY_OPERATORS = new Set(['$push', '$pull', '$pullAll', '$addToSet', '$pop'])
const UNSAFE_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor'])

function valueAt(doc: unknown, dotted: string): unknown {
  let cur: unknown = doc
  for (const segment of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[segment]
  }
  return cur
}

function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)
}

function checkPath(path: string): void {
  const segments = path.split('.')
  if (segments.some((s) => s === '' || UNSAFE_SEGMENTS.has(s) || s.startsWith('$'))) {
    throw invalidParam(`invalid field path '${path}'`)
  }
  if (segments[0] === '_id') {
    throw dbFailed(`Performing an update on the path '_id' would modify the immutable field '_id'`)
  }
}

function validateOperator(doc: Doc, op: string, fields: Record<string, unknown>): string[] {
  if (!UPDATE_OPERATORS.has(op)) {
    throw new CloudbaseError(ErrorCode.DATABASE_INVALID_OPERRATOR, `Unknown modifier: ${op}`)
  }
  const touched: string[] = []
  for (const [path, operand] of Object.entries(fields)) {
    checkPath(path)
    touched.push(path)
    const current = valueAt(doc, path)
    if (NUMERIC_OPERATORS.has(op)) {
      if (typeof operand !== 'number') throw dbFailed(`Cannot ${op.slice(1)} with non-numeric argument: {${path}: ${String(operand)}}`)
      if (current !== undefined && typeof current !== 'number') {
        throw dbFailed(`Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${current === null ? 'null' : typeof current}`)
      }
    }
    if (ARRAY_OPERATORS.has(op) && current !== undefined && !Array.isArray(current)) {
      throw dbFailed(`The field '${path}' must be an array but is of type ${current === null ? 'null' : typeof current} in document {_id: ${JSON.stringify(doc._id)}}`)
    }
    if (op === '$pop' && operand !== 1 && operand !== -1) throw dbFailed(`${op} expects 1 or -1, found: ${String(operand)}`)
    if (op === '$pullAll' && !Array.isArray(operand)) throw dbFailed(`${op} requires an array argument`)
    if (op === '$rename') {
      if (typeof operand !== 'string') throw dbFailed(`The 'to' field for $rename must be a string: ${path}`)
      checkPath(operand)
      touched.push(operand)
    }
  }
  return touched
}

/**
 * Applies a MongoDB update document to a copy of `doc`. Non-operator top-level keys are treated as
 * `$set` (CloudBase's merge semantics). Returns the new document and whether anything changed.
 */
export function applyUpdate(doc: Doc, update: Record<string, unknown>): { doc: Doc; changed: boolean } {
  const operators: [string, Record<string, unknown>][] = []
  const implicitSet: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(update)) {
    if (!key.startsWith('$')) implicitSet[key] = value
    else if (isPlainObject(value)) operators.push([key, value])
    else throw dbFailed(`Modifiers operate on fields but we found type ${typeof value} instead: {${key}: ${String(value)}}`)
  }
  if (Object.keys(implicitSet).length) operators.push(['$set', implicitSet])

  const seen: string[] = []
  for (const [op, fields] of operators) {
    for (const path of validateOperator(doc, op, fields)) {
      const clash = seen.find((other) => pathsOverlap(other, path))
      if (clash !== undefined) throw dbFailed(`Updating the path '${path}' would create a conflict at '${clash}'`)
      seen.push(path)
    }
  }

  const next = cloneValue(doc)
  let changed = false
  try {
    for (const [op, fields] of operators) {
      if (updater(next, { [op]: fields } as unknown as Parameters<typeof updater>[1]).length > 0) changed = true
    }
  } catch (err) {
    throw fromQueryEngine(err)
  }
  return { doc: next, changed }
}

/** Checks that stored data has no operator keys or dotted keys (MongoDB rejects both on insert). */
export function assertStorable(value: unknown, where = 'data'): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorable(item, `${where}[${i}]`))
  } else if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('$') || key.includes('.') || UNSAFE_SEGMENTS.has(key)) {
        throw invalidParam(`invalid field name '${key}' in ${where}`)
      }
      assertStorable(inner, `${where}.${key}`)
    }
  }
}

/** True when two documents serialize identically (used to report `updated: 0` for no-op replaces). */
export function isSameDoc(a: Doc, b: Doc): boolean {
  return stringifyEJSON(a) === stringifyEJSON(b)
}
