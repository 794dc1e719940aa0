// A tiny client of the local gateway for benchmarks: one cookie per simulated browser (a new browser
// gets a fresh visitor openid from the gateway), function calls typed from the contract, and a bounded
// promise pool.
import type { ActionName, InputOf, OutputOf } from '../src/contract/api'
import type { FunctionName } from '../src/contract/schemas'

export interface Browser {
  cookie: string
}

/** A new browser: one anonymous function call (the gateway makes sessions only for calls that need an identity), keeping the cookie it sets. */
export async function newBrowser(baseUrl: string): Promise<Browser> {
  const res = await fetch(`${baseUrl}/api/fn/account`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"whoami","input":{}}' })
  await res.arrayBuffer()
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (!cookie) throw new Error('the gateway set no session cookie')
  return { cookie }
}

export async function signInAs(baseUrl: string, browser: Browser, key: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/local/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: browser.cookie }, body: JSON.stringify({ key }),
  })
  const body = (await res.json()) as { ok: boolean }
  if (!body.ok) throw new Error(`sign-in as ${key} failed`)
}

/** A call's answer as a benchmark reads it: `data` has the contract's output type (absent when `ok` is false). */
export interface CallResult<T = unknown> {
  ok: boolean
  code?: string
  message?: string
  data: T
}

/** One action through the gateway, its name and input checked against the contract. */
export function callFn<F extends FunctionName, A extends ActionName<F>>(baseUrl: string, browser: Browser, fn: F, action: A, input: InputOf<F, A>): Promise<CallResult<OutputOf<F, A>>> {
  return callFnRaw(baseUrl, browser, fn, action, input) as Promise<CallResult<OutputOf<F, A>>>
}

/** Any function and action, for the benchmarks that run a table of them. */
export async function callFnRaw(baseUrl: string, browser: Browser, fn: string, action: string, input: unknown): Promise<CallResult> {
  const res = await fetch(`${baseUrl}/api/fn/${fn}`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: browser.cookie }, body: JSON.stringify({ action, input }),
  })
  return (await res.json()) as CallResult
}

/** Runs `task` for every item with at most `concurrency` in flight; results keep the items' order. */
export async function pool<T, R>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next
      next += 1
      results[index] = await task(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}
