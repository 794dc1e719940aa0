// Database requests per action, counted at the local CloudBase-compatible service, with each action
// called through the full local stack (HTTP gateway → function bundle → wx-server-sdk → service).
import type { LocalApp } from '../local/runtime'

export interface ActionCall {
  label: string
  fn: string
  action: string
  input: Record<string, unknown>
}

export const browsingCalls: ActionCall[] = [
  { label: 'festival.home', fn: 'festival', action: 'home', input: {} },
  { label: 'festival.venues', fn: 'festival', action: 'venues', input: {} },
  { label: 'festival.venue (巴南)', fn: 'festival', action: 'venue', input: { venueId: 'banan' } },
  { label: 'festival.event', fn: 'festival', action: 'event', input: { eventId: 'banan-opening' } },
  { label: 'account.whoami', fn: 'account', action: 'whoami', input: {} },
]

export async function countRequests(app: LocalApp, calls: ActionCall[]): Promise<Array<[string, string]>> {
  const rows: Array<[string, string]> = []
  for (const call of calls) {
    app.cloudbase.resetStats()
    const started = process.hrtime.bigint()
    const res = await fetch(`${app.url}/api/fn/${call.fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: call.action, input: call.input }),
    })
    const body = (await res.json()) as { ok: boolean; code?: string }
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (!body.ok) throw new Error(`${call.label} failed: ${body.code}`)
    const stats = app.cloudbase.stats()
    const detail = Object.entries(stats.byAction).map(([a, n]) => `${a}×${n}`).join(', ')
    rows.push([`db requests: ${call.label}`, `${stats.total} (${detail}; ${ms.toFixed(1)} ms cold-ish)`])
  }
  return rows
}
