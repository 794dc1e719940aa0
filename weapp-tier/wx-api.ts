// The `wx` object of a launched app: every API name WeChat has (read from miniprogram-api-typings, as
// Taro wraps each key of `wx` into `Taro.*`), where a name the tier does not fake records a failure and
// throws — a test cannot pass by calling an API nobody checked. Fakes answer the WeChat way: callbacks
// (success / fail / complete) or, without any, a promise; `errMsg` is `<api>:ok` or `<api>:fail …`,
// delivered on the app's next macrotask.
import { readFileSync } from 'node:fs'
import type { FakeClock } from './clock'
import type { Realm } from './realm'

export type ApiOption = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (res: unknown) => void
  complete?: (res: unknown) => void
}

/** What a fake answers: the result (errMsg added) or a refusal. */
export type Outcome = { ok: true; res: Record<string, unknown> } | { ok: false; errMsg: string; errno?: number }
export const ok = (res: Record<string, unknown> = {}): Outcome => ({ ok: true, res })
export const refuse = (errMsg: string, errno?: number): Outcome => ({ ok: false, errMsg, errno })

export interface WxHost {
  realm: Realm
  clock: FakeClock
  /** Records a failure of the test (an unfaked API, a page error, a refused setData…). */
  fail(message: string): void
  /** Counts real I/O (cloud calls, uploads) as in flight until it settles. */
  track<T>(work: Promise<T>): Promise<T>
}

let cachedNames: string[] | undefined

/** Every method name of WeChat's `wx`, from miniprogram-api-typings' `interface Wx`. */
export function wxApiNames(): string[] {
  if (!cachedNames) {
    const source = readFileSync(require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts'), 'utf8')
    const body = source.slice(source.indexOf('interface Wx {'))
    cachedNames = [...new Set([...body.matchAll(/^ {8}([a-zA-Z0-9_]+)(?:<[^>]*>)?\(/gm)].map((m) => m[1] as string))]
  }
  return cachedNames
}

/** Answers an async API call: later (next macrotask), through callbacks or a promise of the app's realm. */
export function answer(host: WxHost, api: string, option: ApiOption | undefined, outcome: Outcome | Promise<Outcome>): unknown {
  const opts = option ?? {}
  const deliver = (result: Outcome) => {
    const payload = result.ok
      ? { ...result.res, errMsg: `${api}:ok` }
      : { errMsg: result.errMsg.startsWith(`${api}:`) ? result.errMsg : `${api}:fail ${result.errMsg}`, ...(result.errno === undefined ? {} : { errno: result.errno }) }
    const res = copyIn(host, payload)
    return { res, ok: result.ok }
  }
  const settled = Promise.resolve(outcome).catch((error: unknown) => refuse(String((error as Error)?.message ?? error)))
  const usesCallbacks = typeof opts.success === 'function' || typeof opts.fail === 'function' || typeof opts.complete === 'function'
  const run = (resolve?: (v: unknown) => void, reject?: (e: unknown) => void) => {
    void settled.then((result) => {
      host.clock.setTimeout(() => {
        const { res, ok: fine } = deliver(result)
        if (fine) opts.success?.(res)
        else opts.fail?.(res)
        opts.complete?.(res)
        if (fine) resolve?.(res)
        else reject?.(res)
      }, 0)
    })
  }
  if (usesCallbacks) {
    run()
    return undefined
  }
  const RealmPromise = host.realm.run('Promise') as PromiseConstructor
  return new RealmPromise((resolve, reject) => run(resolve, reject))
}

/** Results cross into the app's realm as JSON, except values that are live objects (canvas nodes, tasks). */
function copyIn(host: WxHost, payload: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {}
  const live: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(payload)) (typeof v === 'object' && v !== null && LIVE in v ? live : plain)[k] = v
  return Object.assign(host.realm.json(plain), live)
}

/** Marks an object handed to the app as a live object (not JSON-copied). */
export const LIVE = Symbol('live')

export type WxFakes = Record<string, unknown>

export function buildWx(host: WxHost, fakes: WxFakes): Record<string, unknown> {
  const wx: Record<string, unknown> = {}
  for (const name of wxApiNames()) {
    wx[name] = (..._args: unknown[]) => {
      const message = `wx.${name} 没有在 weapp 测试层中模拟：请在 weapp-tier 里按微信的行为为它写一个模拟（含失败与拒绝的情形）`
      host.fail(message)
      throw new Error(message)
    }
  }
  return Object.assign(wx, fakes)
}
