// A tiny client of the local gateway for benchmarks: one cookie per simulated browser (a new browser
// gets a fresh visitor openid from the gateway), function calls, and a bounded promise pool.
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

export interface CallResult {
  ok: boolean
  code?: string
  message?: string
  data?: any
}

export async function callFn(baseUrl: string, browser: Browser, fn: string, action: string, input: unknown): Promise<CallResult> {
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
