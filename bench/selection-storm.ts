// A vote storm through the full local stack: each simulated user makes its first request (the work's
// page) without a cookie, keeps the visitor session cookie the gateway sets, then votes on three works,
// retries one vote (same request id) and tries one vote over the daily limit — 50 users in flight.
// Beside it, the same request pattern against a bare Node http server on 127.0.0.1.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { percentile, pool } from './gateway-client'

export interface StormResult {
  seconds: number
  requests: number
  accepted: Map<string, number>
  voteLatencies: number[]
}

interface Reply {
  ok: boolean
  code?: string
  data?: { status?: string; workId?: string }
}

async function post(url: string, cookie: string, body: unknown): Promise<{ reply: Reply; cookie: string; ms: number }> {
  const started = performance.now()
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) })
  const reply = (await res.json()) as Reply
  return { reply, cookie: cookie || ((res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''), ms: performance.now() - started }
}

export async function voteStorm(baseUrl: string, selectionId: string, works: string[], users: number, concurrency = 50): Promise<StormResult> {
  const fnUrl = `${baseUrl}/api/fn/selection`
  const accepted = new Map<string, number>(works.map((w) => [w, 0]))
  const voteLatencies: number[] = []
  let requests = 0
  const started = performance.now()
  await pool(Array.from({ length: users }, (_x, i) => i), concurrency, async (u) => {
    const first = await post(fnUrl, '', { action: 'work', input: { workId: works[u % works.length] } })
    requests += 1
    if (!first.cookie) throw new Error('no visitor cookie was set')
    const vote = async (workId: string, requestId: string) => {
      const { reply, ms } = await post(fnUrl, first.cookie, { action: 'vote', input: { selectionId, workId, requestId } })
      requests += 1
      voteLatencies.push(ms)
      if (reply.ok && reply.data?.status === 'counted') accepted.set(workId, (accepted.get(workId) ?? 0) + 1)
      else if (!reply.ok && reply.code !== 'RATE_LIMITED') throw new Error(`vote failed: ${reply.code}`)
    }
    for (const [i, workId] of works.entries()) await vote(workId, `storm-${u}-${i}-vote`)
    await vote(works[0] as string, `storm-${u}-0-vote`)
    await vote(works[0] as string, `storm-${u}-extra-vote`)
  })
  voteLatencies.sort((a, b) => a - b)
  return { seconds: (performance.now() - started) / 1000, requests, accepted, voteLatencies }
}

/** A bare server answering the same pattern: a session cookie for cookieless requests, a small JSON reply. */
export async function bareServer(): Promise<{ url: string; close: () => Promise<void> }> {
  let sessions = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { input?: { workId?: string } }
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }
      if (!req.headers.cookie) headers['set-cookie'] = `fest_sid=bare-${(sessions += 1)}; Path=/; HttpOnly; SameSite=Lax`
      res.writeHead(200, headers)
      res.end(JSON.stringify({ ok: true, data: { workId: event.input?.workId, status: 'counted' } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }) }
}

export function summarise(result: StormResult): { votesPerSecond: number; requestsPerSecond: number; p50: number; p99: number } {
  const votes = [...result.accepted.values()].reduce((a, b) => a + b, 0)
  return {
    votesPerSecond: votes / result.seconds,
    requestsPerSecond: result.requests / result.seconds,
    p50: percentile(result.voteLatencies, 50),
    p99: percentile(result.voteLatencies, 99),
  }
}
