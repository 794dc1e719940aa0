// Gallery and ranking at scale: 10,000 published works and 1,000,000 vote records (50,000 voters × 20
// votes over the last 10 China days, Zipf-like over the works) inserted in batches straight through
// wx-server-sdk, then page latency through the full local stack. If the load is projected to exceed its
// time budget, the number of voters is scaled down and the figure printed says so.
import type { Work } from '../src/contract/selection'
import type { Ledger } from '../server/selection/ballots'
import { addChinaDays, chinaDate, chinaInstant } from '../server/core/china-time'
import type { LocalApp } from '../local/runtime'
import { callFn, callFnRaw, newBrowser, percentile, type Browser } from './gateway-client'
import { createBenchSelection, dbCount, upload } from './selection-setup'

const WORKS = 10_000
const VOTERS = 50_000
const VOTES_PER_DAY = 2
const DAYS = 10
const BATCH = 500
const LOAD_BUDGET_MS = 180_000
const SAMPLES = 15

export const workId = (i: number) => `bench-big-w${String(i).padStart(5, '0')}`

function ledgerOf(selectionId: string, v: number, counts: number[], now: number): Ledger {
  const voter = `bulk-voter-${v}`
  const first = (v * 7) % DAYS
  const lastDay = chinaDate(new Date(now - 6 * 3_600_000))
  const ledger: Ledger = { _id: `${selectionId}_${voter}`, selectionId, voter, firstDay: '', days: {}, votes: [], t: 0 }
  for (let d = first; d < first + DAYS; d += 1) {
    const day = addChinaDays(lastDay, (d % DAYS) - (DAYS - 1))
    ledger.firstDay ||= day
    // Votes between 08:00 and about 21:50 China time; today's only up to the load's start, spread over the
    // part of the day gone by (at least 6 hours: before 06:00 China time the ten days end yesterday), so no
    // bench stamps a tenth of all votes at one instant.
    const opens = chinaInstant(day, '08:00').getTime()
    const closes = Math.min(opens + 50_000_000, now)
    const start = closes > opens ? opens : chinaInstant(day, '00:00').getTime()
    const span = closes - start
    const slots: Record<string, number> = {}
    for (let k = 0; k < VOTES_PER_DAY; k += 1) {
      let w = Math.floor(WORKS * Math.random() ** 3)
      while (slots[workId(w)]) w = (w + 1) % WORKS
      slots[workId(w)] = 1
      counts[w] = (counts[w] ?? 0) + 1
      ledger.votes.push({ k: `b${v}-${d}-${k}`, w: workId(w), t: start + Math.floor((((v * 131 + k * 977) % 50_000) / 50_000) * span), d: day })
    }
    ledger.days[day] = { n: VOTES_PER_DAY, w: slots }
    ledger.t = Math.max(ledger.t, ...ledger.votes.map((r) => r.t))
  }
  return ledger
}

export async function load(app: LocalApp, selectionId: string, covers: string[]): Promise<{ voters: number; records: number; ms: number; counts: number[] }> {
  const counts: number[] = new Array(WORKS).fill(0)
  const started = Date.now()
  let voters = VOTERS
  for (let v = 0; v < voters; v += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, voters - v) }, (_x, i) => ledgerOf(selectionId, v + i, counts, started))
    await app.db.collection('selectionBallots').add({ data: batch })
    const projected = ((Date.now() - started) / (v + batch.length)) * VOTERS
    if (v === BATCH * 9 && projected > LOAD_BUDGET_MS) voters = Math.floor((VOTERS * LOAD_BUDGET_MS) / projected / BATCH) * BATCH
  }
  const stamp = new Date().toISOString()
  for (let i = 0; i < WORKS; i += BATCH) {
    const batch: Work[] = Array.from({ length: BATCH }, (_x, k) => {
      const n = i + k
      return {
        _id: workId(n), selectionId, kind: 'photo', author: `bulk-author-${n}`, status: 'published', number: n + 1,
        title: n % 97 === 0 ? `海边的幸福时光 ${n + 1}` : `亲子照 ${n + 1}`, story: '基准测试作品', images: [covers[n % covers.length] as string],
        cover: covers[n % covers.length] as string, votes: counts[n] ?? 0, voided: 0,
        checks: { text: 'pass', mediaPending: 0, mediaReview: 0, mediaRisky: 0, humanReviewVideo: false }, createdAt: stamp, updatedAt: stamp,
      }
    })
    await app.db.collection('selectionWorks').add({ data: batch })
  }
  return { voters, records: voters * DAYS * VOTES_PER_DAY, ms: Date.now() - started, counts }
}

async function timed(app: LocalApp, browser: Browser, label: string, action: string, input: Record<string, unknown>): Promise<[string, string]> {
  const times: number[] = []
  let requests = ''
  for (let i = 0; i < SAMPLES; i += 1) {
    app.cloudbase.resetStats()
    const started = performance.now()
    const res = await callFnRaw(app.url, browser, 'selection', action, input)
    times.push(performance.now() - started)
    if (!res.ok) throw new Error(`${label} failed: ${res.message}`)
    const { db, other } = dbCount(app)
    requests = `${db} db + ${other} temp-URL`
  }
  times.sort((a, b) => a - b)
  return [label, `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms (${requests} requests)`]
}

export async function bulkFigures(app: LocalApp, organiser: Browser): Promise<Array<[string, string]>> {
  const selection = await createBenchSelection(app, 'bench-big', { perDay: VOTES_PER_DAY, perWorkPerDay: 1 })
  const visitor = await newBrowser(app.url)
  const covers = await Promise.all(Array.from({ length: 20 }, () => upload(app.url, visitor)))
  const loaded = await load(app, selection._id, covers)
  const rows: Array<[string, string]> = [[
    'bulk load (SDK batches of 500)',
    `${WORKS} works + ${loaded.records.toLocaleString('en')} vote records (${loaded.voters} voters × ${DAYS * VOTES_PER_DAY}) in ${(loaded.ms / 1000).toFixed(1)} s` +
      (loaded.voters < VOTERS ? ` — scaled down from ${VOTERS} voters to stay within ${LOAD_BUDGET_MS / 1000} s` : ''),
  ]]
  const ranked = loaded.counts.map((votes, i) => ({ votes, number: i + 1 })).sort((a, b) => b.votes - a.votes || a.number - b.number)
  const deep = ranked[5000] as { votes: number; number: number }
  const base = { selectionId: selection._id, pageSize: 12 }
  rows.push(await timed(app, visitor, 'gallery latest, page 1', 'gallery', base))
  rows.push(await timed(app, visitor, 'gallery latest, after no. 5000', 'gallery', { ...base, cursor: 'n:5000' }))
  rows.push(await timed(app, visitor, 'gallery most voted, page 1', 'gallery', { ...base, order: 'votes' }))
  rows.push(await timed(app, visitor, 'gallery most voted, after rank 5000', 'gallery', { ...base, order: 'votes', cursor: `v:${deep.votes}:${deep.number}` }))
  rows.push(await timed(app, visitor, 'gallery search by title', 'gallery', { ...base, q: '海边' }))
  rows.push(await timed(app, visitor, 'gallery search by number', 'gallery', { ...base, q: '4321' }))
  rows.push(await timed(app, visitor, 'ranking, page 1 (20)', 'ranking', { selectionId: selection._id }))
  rows.push(await timed(app, visitor, 'ranking, offset 5000 (20)', 'ranking', { selectionId: selection._id, cursor: `o:5000:${deep.votes}:5001` }))
  rows.push(await timed(app, visitor, 'work page with remaining votes', 'work', { workId: workId(0) }))
  const started = performance.now()
  const watch = await callFn(app.url, organiser, 'selection', 'voteWatch', { selectionId: selection._id, bucketMinutes: 60 })
  const watchMs = (performance.now() - started).toFixed(0)
  rows.push(['vote watch, last 24 h over all records (organiser)', watch.ok ? `${watchMs} ms, ${watch.data.works.length} works with votes` : `failed after ${watchMs} ms: ${watch.message}`])
  return rows
}
