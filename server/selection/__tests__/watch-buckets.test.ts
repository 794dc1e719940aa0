// Vote watch from pre-aggregated hours: on seeded random ledgers (voided records, accounts first seen on
// various days) the watch equals a brute-force count of the records up to the instant it says the hours
// cover — before the timer ran (nothing), with the timer part-way through an hour, caught up, and after a
// void. It never reads the ledgers, and its database requests do not grow with the number of votes.
import type { Ledger, VoteRecord } from '../ballots'
import { ledgerScan } from '../ledger-scan'
import { watchTimer } from '../watch-buckets'
import { present } from '../../__tests__/narrow'
import { ORGANISER, findDocs, makeSelection, startSelectionHarness, type SelectionHarness } from './harness'
import { chinaDate } from '../../core/china-time'
import { seededRandom } from '../../__tests__/seeded-random'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
  ledgerScan.chunk = 7
  watchTimer.budgetMs = 60_000
})
afterAll(() => h.close())


const START = Date.parse('2022-06-24T00:00:00+08:00')
const FROM = '2022-06-24T00:00:00+08:00'
const TO = '2022-06-26T00:00:00+08:00'

async function seed(selectionId: string, voters: number, seedValue: number): Promise<string[]> {
  const rnd = seededRandom(seedValue)
  const works = Array.from({ length: 6 }, (_x, i) => `${selectionId}-w${i}`)
  await h.db.collection('selectionWorks').add({ data: works.map((_id, i) => ({ _id, selectionId, status: 'published', number: i + 1, title: `作品 ${i + 1}`, votes: 0, voided: 0 })) })
  const ledgers: Ledger[] = []
  for (let v = 0; v < voters; v += 1) {
    const votes: VoteRecord[] = []
    const n = 1 + Math.floor(rnd() * 8)
    for (let k = 0; k < n; k += 1) {
      const t = START + Math.floor(rnd() * 48 * 3600_000)
      const record: VoteRecord = { k: `k${v}-${k}`, w: present(works[Math.floor(rnd() ** 2 * works.length)]), t, d: chinaDate(new Date(t)) }
      if (rnd() < 0.1) Object.assign(record, { v: 1, r: 'old-void' })
      votes.push(record)
    }
    const firstDay = rnd() < 0.5 ? '2022-06-20' : [...votes].sort((a, b) => a.t - b.t)[0]?.d ?? '2022-06-24'
    ledgers.push({ _id: `${selectionId}_voter${v}`, selectionId, voter: `voter${v}`, firstDay, days: {}, votes, t: Math.max(...votes.map((r) => r.t)) })
  }
  for (let i = 0; i < ledgers.length; i += 200) await h.db.collection('selectionBallots').add({ data: ledgers.slice(i, i + 200) })
  return works
}

/** The watch's series computed straight from every record: work → "start votes/new" per bucket. */
async function bruteForce(selectionId: string, bucketMinutes: number, until = TO): Promise<Record<string, string[]>> {
  const { getDocs } = await import('../../core/db')
  const ledgers: Ledger[] = []
  for (;;) {
    const after = ledgers[ledgers.length - 1]?._id
    const page = await getDocs<Ledger>(h.db.collection('selectionBallots').where({ selectionId, ...(after ? { _id: h.db.command.gt(after) } : {}) }).orderBy('_id', 'asc').limit(1000))
    ledgers.push(...page)
    if (page.length < 1000) break
  }
  const size = bucketMinutes * 60_000
  const from = Date.parse(FROM)
  const cells = new Map<string, Map<number, [number, number]>>()
  for (const ledger of ledgers) {
    for (const r of ledger.votes) {
      if (r.v === 1 || r.t < from || r.t >= Date.parse(until)) continue
      const b = Math.floor((r.t - from) / size)
      const work = cells.get(r.w) ?? new Map<number, [number, number]>()
      const cell = work.get(b) ?? [0, 0]
      work.set(b, [cell[0] + 1, cell[1] + (r.d === ledger.firstDay ? 1 : 0)])
      cells.set(r.w, work)
    }
  }
  const out: Record<string, string[]> = {}
  for (const [w, work] of cells) out[w] = [...work.entries()].sort((a, b) => a[0] - b[0]).map(([b, [n, f]]) => `${new Date(from + b * size).toISOString()} ${n}/${f}`)
  return out
}

/** The watch's series, and up to when it says they count the votes (ISO, UTC). */
async function watchedUntil(selectionId: string, bucketMinutes: number, now: string): Promise<{ series: Record<string, string[]>; until: string }> {
  h.resetStats()
  const res = await h.call(ORGANISER, 'voteWatch', { selectionId, from: FROM, to: TO, bucketMinutes }, now)
  if (!res.ok) throw new Error(res.message)
  expect(h.stats().byAction['database.aggregateDocuments'] ?? 0).toBe(0)
  const out: Record<string, string[]> = {}
  for (const w of res.data.works as Array<{ workId: string; series: Array<{ start: string; votes: number; newAccountVotes: number }> }>) {
    out[w.workId] = w.series.map((b) => `${new Date(b.start).toISOString()} ${b.votes}/${b.newAccountVotes}`)
  }
  return { series: out, until: new Date(res.data.coveredUntil).toISOString() }
}

async function watched(selectionId: string, bucketMinutes: number, now: string): Promise<Record<string, string[]>> {
  const { series, until } = await watchedUntil(selectionId, bucketMinutes, now)
  expect(until).toBe(new Date(TO).toISOString())
  return series
}

test('the watch equals the records up to what the hours cover, before, during and after the timer caught up, and after a void', async () => {
  const selection = await makeSelection(h)
  const works = await seed(selection._id, 120, 20220625)
  const late = '2022-06-26T01:00:00+08:00'
  const before = await watchedUntil(selection._id, 60, late)
  expect(before).toEqual({ series: {}, until: new Date(FROM).toISOString() })

  expect((await h.timer('', 'recountVotes', {}, '2022-06-25T12:07:30+08:00')).ok).toBe(true)
  const [partial] = await findDocs<{ upTo: number }>(h, 'selectionWatch', { _id: `${selection._id}_state` })
  expect(partial?.upTo).toBe(Date.parse('2022-06-25T12:05:00+08:00'))
  for (const minutes of [5, 60]) {
    const part = await watchedUntil(selection._id, minutes, late)
    expect(part.until).toBe(new Date('2022-06-25T12:05:00+08:00').toISOString())
    expect(part.series).toEqual(await bruteForce(selection._id, minutes, '2022-06-25T12:05:00+08:00'))
  }

  expect((await h.timer('', 'recountVotes', {}, late)).ok).toBe(true)
  expect(await watched(selection._id, 15, late)).toEqual(await bruteForce(selection._id, 15))

  const target = present(works[0])
  const voided = await h.call(ORGANISER, 'voidVotes', { selectionId: selection._id, workId: target, from: '2022-06-24T08:00:00+08:00', to: '2022-06-24T20:00:00+08:00', onlyNewAccounts: false, reason: '核查为集中刷票，予以作废' }, late)
  expect(voided.ok).toBe(true)
  expect(voided.data.voided).toBeGreaterThan(0)
  const after = await bruteForce(selection._id, 15)
  expect(await watched(selection._id, 15, late)).toEqual(after)
})

test('once the timer caught up, a watch costs the same requests at 60 and at 1,200 voters', async () => {
  ledgerScan.chunk = 500
  const late = '2022-06-26T01:00:00+08:00'
  const cost: number[] = []
  for (const [voters, seedValue] of [[60, 1], [1200, 2]] as const) {
    const selection = await makeSelection(h)
    await seed(selection._id, voters, seedValue)
    expect((await h.timer('', 'recountVotes', {}, late)).ok).toBe(true)
    h.resetStats()
    const seen = await watched(selection._id, 15, late)
    cost.push(h.stats().total)
    expect(seen).toEqual(await bruteForce(selection._id, 15))
  }
  expect(cost[0]).toBe(cost[1])
  expect(cost[0]).toBeLessThanOrEqual(6)
})
