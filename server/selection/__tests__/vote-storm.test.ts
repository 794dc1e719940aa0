// Votes under concurrency: a storm of 100 voters on 3 works with retries and double taps — every work's
// count equals its accepted vote records, limits are never exceeded, a repeated request id never counts
// twice — and the day boundary at 00:00 China time resets the limits.
import { present } from '../../__tests__/narrow'
import { findDoc, findDocs, makeSelection, publishedPhoto, startSelectionHarness, submitPhoto, type SelectionHarness } from './harness'
import type { Ledger } from '../ballots'
import type { VoteResult } from '../../../src/contract/selection-views'
import type { Answer } from '../../__tests__/typed-caller'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
})
afterAll(() => h.close())

async function ledgers(selectionId: string): Promise<Ledger[]> {
  return findDocs<Ledger>(h, 'selectionBallots', { selectionId })
}

async function votesOf(workId: string): Promise<number> {
  return (await findDoc<{ votes: number }>(h, 'selectionWorks', workId)).votes
}

test('vote storm: 100 voters, 3 works, double taps and retries — counts equal records, limits hold', async () => {
  const selection = await makeSelection(h, { limits: { perDay: 3, perWorkPerDay: 2 } })
  const works = [
    await publishedPhoto(h, 'author-a', selection._id),
    await publishedPhoto(h, 'author-b', selection._id),
    await publishedPhoto(h, 'author-c', selection._id),
  ]
  const accepted = new Map<string, number>(works.map((w) => [w, 0]))
  let duplicates = 0
  let refused = 0
  const record = (res: Answer<VoteResult>) => {
    if (res.ok && res.data.status === 'counted') accepted.set(res.data.workId, (accepted.get(res.data.workId) ?? 0) + 1)
    else if (res.ok) duplicates += 1
    else {
      expect(res.code).toBe('RATE_LIMITED')
      refused += 1
    }
  }
  // Each voter taps 4 times in a row: work A and work B as double taps (two identical requests at once),
  // then C, then A again (over the daily limit of 3). A double tap must count once only, although both
  // limits would allow a second vote.
  const voter = async (v: number) => {
    const taps = [[v % 3, true], [(v + 1) % 3, true], [(v + 2) % 3, false], [v % 3, false]] as const
    for (const [i, [w, double]] of taps.entries()) {
      const input = { selectionId: selection._id, workId: present(works[w]), requestId: `req-${v}-${i}-abcdef` }
      const send = () => h.call(`storm-voter-${v}`, 'vote', input, '2022-06-25T21:30:00+08:00')
      ;(await Promise.all(double ? [send(), send()] : [send()])).forEach(record)
    }
  }
  await Promise.all(Array.from({ length: 100 }, (_x, v) => voter(v)))

  const all = await ledgers(selection._id)
  expect(all).toHaveLength(100)
  const records = all.flatMap((l) => l.votes)
  expect(records).toHaveLength(300)
  for (const w of works) {
    expect(await votesOf(w)).toBe(accepted.get(w))
    expect(records.filter((r) => r.w === w)).toHaveLength(accepted.get(w) ?? 0)
  }
  for (const l of all) {
    expect(l.votes).toHaveLength(3)
    expect(new Set(l.votes.map((r) => r.w)).size).toBe(3)
    expect(l.days['2022-06-25']?.n).toBe(3)
    expect(Object.values(l.days['2022-06-25']?.w ?? {})).toEqual([1, 1, 1])
  }
  expect(duplicates).toBe(200)
  expect(refused).toBe(100)
})

test('day boundary at 00:00 China time resets both limits; a UTC day would not', async () => {
  const selection = await makeSelection(h, { limits: { perDay: 2, perWorkPerDay: 1 } })
  const [w1, w2] = [await publishedPhoto(h, 'author-d', selection._id), await publishedPhoto(h, 'author-e', selection._id)]
  const vote = (workId: string, n: number, now: string) => h.call('night-owl', 'vote', { selectionId: selection._id, workId, requestId: `night-owl-${n}` }, now)
  expect((await vote(w1, 1, '2022-06-25T23:58:00+08:00')).ok).toBe(true)
  expect(await vote(w1, 2, '2022-06-25T23:59:00+08:00')).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: expect.stringContaining('这件作品') })
  expect((await vote(w2, 3, '2022-06-25T23:59:30+08:00')).ok).toBe(true)
  expect(await vote(w2, 4, '2022-06-25T23:59:59+08:00')).toMatchObject({ ok: false, message: expect.stringContaining('明天 0 点') })
  const after = await vote(w1, 5, '2022-06-26T00:00:00+08:00')
  expect(after).toMatchObject({ ok: true, data: { status: 'counted' } })
  expect((await vote(w2, 6, '2022-06-26T00:00:01+08:00')).ok).toBe(true)
  expect((await vote(w2, 7, '2022-06-26T07:59:00+08:00')).ok).toBe(false)
  const detail = await h.call('night-owl', 'work', { workId: w1 }, '2022-06-26T08:00:00+08:00')
  expect(detail.data.voting).toMatchObject({ open: true, remainingToday: 0, remainingForWork: 0, perDay: 2 })
  expect(await votesOf(w1)).toBe(2)
  expect(await votesOf(w2)).toBe(2)
})

const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument'])
const writes = () => Object.entries(h.stats().byAction).filter(([action]) => WRITES.has(action)).reduce((n, [, count]) => n + count, 0)

test('a refused vote writes nothing; an accepted one costs 2 database requests on a warm instance; the work page shows what is left', async () => {
  const selection = await makeSelection(h, { limits: { perDay: 3, perWorkPerDay: 1 } })
  const [w1, w2] = [await publishedPhoto(h, 'author-f', selection._id), await publishedPhoto(h, 'author-g', selection._id)]
  const pending = await submitPhoto(h, 'author-h', selection._id)
  const vote = (workId: string, requestId: string) => h.call('counted-voter', 'vote', { selectionId: selection._id, workId, requestId })
  await h.call('counted-voter', 'work', { workId: w1 })
  h.resetStats()
  expect((await vote(w1, 'count-req-1')).ok).toBe(true)
  expect(h.stats().byAction).toEqual({ 'database.getDocument': 2, 'database.insertDocument': 1, 'database.modifyDocument': 1 })
  h.resetStats()
  expect((await vote(w2, 'count-req-2')).ok).toBe(true)
  expect(h.stats().total).toBe(3)
  h.resetStats()
  expect(await vote(w2, 'count-req-3')).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(h.stats().byAction).toEqual({ 'database.getDocument': 1 })
  const ledgerBefore = await findDoc<Ledger>(h, 'selectionBallots', `${selection._id}_counted-voter`)
  h.resetStats()
  for (let i = 0; i < 20; i += 1) {
    expect(await vote(`${selection._id}-nosuchwork-${i}`, `refused-unknown-${i}`)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await vote(pending.data._id, `refused-pending-${i}`)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await vote(w2, `refused-limit-${i}`)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  }
  expect(writes()).toBe(0)
  expect(await findDoc<Ledger>(h, 'selectionBallots', `${selection._id}_counted-voter`)).toEqual(ledgerBefore)
  h.resetStats()
  expect((await vote(w1, 'count-req-4')).ok).toBe(false)
  expect(writes()).toBe(0)
  expect((await vote(w2, 'count-req-2')).data).toEqual({ workId: w2, status: 'already_counted' })
  h.resetStats()
  const w3 = await publishedPhoto(h, 'author-i', selection._id)
  await vote(w3, 'count-req-5')
  h.resetStats()
  expect(await vote(w3, 'count-req-6')).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: expect.stringContaining('今天的 3 票') })
  expect(writes()).toBe(0)
  const page = await h.call('counted-voter', 'work', { workId: w1 })
  expect(page.data.voting).toMatchObject({ open: true, remainingToday: 0, remainingForWork: 0 })
})

test('an accepted vote on a warm instance costs 2 database requests', async () => {
  const selection = await makeSelection(h, { limits: { perDay: 5, perWorkPerDay: 5 } })
  const w1 = await publishedPhoto(h, 'author-j', selection._id)
  const vote = (requestId: string) => h.call('warm-voter', 'vote', { selectionId: selection._id, workId: w1, requestId })
  expect((await vote('warm-req-1')).ok).toBe(true)
  h.resetStats()
  expect((await vote('warm-req-2')).ok).toBe(true)
  expect(h.stats().byAction).toEqual({ 'database.modifyDocument': 2 })
})
