// Long selection work in bounded chunks (issue 10): a full recount pass spread over calls and timer runs,
// each within a fixed number of database requests, its progress shown in vote watch, resumed exactly after
// a crash part-way (neither a chunk counted twice nor a fix lost); a large void marked over several calls,
// continued by the same call again or by the timer, exact after a crash; publishing refuses with the
// progress while a pass is under way and moves it on; the vote watch's hours built over several runs, a
// ledger chunk each, come out as one pass would build them.
import type { DB } from 'wx-server-sdk'
import type { Selection } from '../../../src/contract/selection'
import type { Ledger } from '../ballots'
import { ledgerScan } from '../ledger-scan'
import { recountStep } from '../recount'
import { recountPass } from '../recount-state'
import { voidPass } from '../void'
import { advanceWatch, watchTimer } from '../watch-buckets'
import { ORGANISER, crashingAfter, findDoc, findDocs, makeSelection, startSelectionHarness, type SelectionHarness } from './harness'

let h: SelectionHarness
const defaults = { ...recountPass }
beforeAll(async () => {
  h = await startSelectionHarness()
  ledgerScan.chunk = 5
})
afterEach(() => {
  Object.assign(recountPass, defaults)
  voidPass.batchesPerCall = 1_000_000
  voidPass.finishWithinMs = 2000
  voidPass.finishStepsPerCall = Number.POSITIVE_INFINITY
  watchTimer.chunksPerRun = Number.POSITIVE_INFINITY
})
afterAll(() => h.close())

const at = (time: string) => `2022-06-25T${time}+08:00`
const VOTED = Date.parse(at('09:00:00'))

/** 40 voters over 5 works (voter v votes for works v % 5 and (v + 1) % 5); the works' stored counters as given. */
async function seeded(stored: number[]): Promise<{ selectionId: string; works: string[]; exact: number[] }> {
  const selection = await makeSelection(h, { limits: { perDay: 5, perWorkPerDay: 1 } })
  const works = stored.map((_n, i) => `${selection._id}-w${i}`)
  const exact = stored.map(() => 0)
  const ledgers: Ledger[] = Array.from({ length: 40 }, (_x, v) => {
    const picks = [v % 5, (v + 1) % 5]
    for (const p of picks) exact[p] = (exact[p] ?? 0) + 1
    return {
      _id: `${selection._id}_v${String(v).padStart(2, '0')}`, selectionId: selection._id, voter: `v${v}`, firstDay: '2022-06-25', days: {},
      votes: picks.map((p, k) => ({ k: `k${v}-${k}`, w: works[p] as string, t: VOTED + v * 1000 + k, d: '2022-06-25' })), t: VOTED + v * 1000 + 1,
    }
  })
  await h.db.collection('selectionBallots').add({ data: ledgers })
  await h.db.collection('selectionWorks').add({
    data: works.map((_id, i) => ({ _id, selectionId: selection._id, status: 'published', number: i + 1, title: `作品 ${i + 1}`, votes: stored[i], voided: 0 })),
  })
  return { selectionId: selection._id, works, exact }
}

const votesOf = async (works: string[]) => Promise.all(works.map(async (id) => (await findDoc<{ votes: number }>(h, 'selectionWorks', id)).votes))

test('a full recount runs in bounded chunks over several calls, shows its progress, and ends exact', async () => {
  Object.assign(recountPass, { chunksPerRun: 2, fixPages: 1, fixPage: 2 })
  const { selectionId, works, exact } = await seeded([0, 16, 13, 16, 2])
  expect(exact).toEqual([16, 16, 16, 16, 16])
  const requests: number[] = []
  const seen: Array<[number, number]> = []
  for (let call = 0; call < 20; call += 1) {
    h.resetStats()
    const run = await h.call(ORGANISER, 'recountVotes', { selectionId })
    requests.push(h.stats().total)
    expect(run.ok).toBe(true)
    const progress = run.data.progress
    if (!progress?.running) break
    seen.push([progress.scanned, progress.total])
    if (call === 1) {
      const watch = await h.call(ORGANISER, 'voteWatch', { selectionId, bucketMinutes: 60 })
      expect(watch.data.recount).toMatchObject({ running: true, scanned: 20, total: 40 })
      expect(await votesOf(works)).toEqual([0, 16, 13, 16, 2])
    }
  }
  // 8 chunks of 5 ledgers, 2 per call; then 5 works compared, 2 per call
  expect(seen).toEqual([[10, 40], [20, 40], [30, 40], [40, 40], [40, 40], [40, 40]])
  expect(requests).toHaveLength(7)
  expect(Math.max(...requests)).toBeLessThanOrEqual(14)
  expect(await votesOf(works)).toEqual(exact)
  const watch = await h.call(ORGANISER, 'voteWatch', { selectionId, bucketMinutes: 60 })
  expect(watch.data.recount).toMatchObject({ running: false, finishedAt: expect.stringMatching(/^2022-06-25T10:00/) })
})

test('a recount pass interrupted after k writes resumes where it was saved: no chunk counted twice, no fix lost', async () => {
  Object.assign(recountPass, { chunksPerRun: 3, fixPages: 1, fixPage: 2 })
  const { selectionId, works, exact } = await seeded([1, 2, 3, 4, 5])
  expect(await h.call(ORGANISER, 'recountVotes', { selectionId })).toMatchObject({ ok: true, data: { progress: { running: true, scanned: 15 } } })
  // the next call counts three more chunks, then dies saving them: the saved cursor and tally stay as they were
  expect(await h.callWith(crashingAfter(h.db, 0, 'selectionRecounts'))(ORGANISER, 'recountVotes', { selectionId })).toMatchObject({ ok: false, code: 'INTERNAL' })
  expect((await h.call(ORGANISER, 'voteWatch', { selectionId, bucketMinutes: 60 })).data.recount).toMatchObject({ running: true, scanned: 15 })
  expect(await h.call(ORGANISER, 'recountVotes', { selectionId })).toMatchObject({ ok: true, data: { progress: { scanned: 30 } } })
  // the last chunk (found empty), then the first page of works compared and fixed
  expect(await h.call(ORGANISER, 'recountVotes', { selectionId })).toMatchObject({ ok: true, data: { fixed: 2, progress: { running: true, scanned: 40 } } })
  // the next page: one work fixed, then the process dies
  expect(await h.callWith(crashingAfter(h.db, 1, 'selectionWorks'))(ORGANISER, 'recountVotes', { selectionId })).toMatchObject({ ok: false, code: 'INTERNAL' })
  expect(await votesOf(works)).toEqual([16, 16, 16, 4, 5])
  expect(await h.call(ORGANISER, 'recountVotes', { selectionId })).toMatchObject({ ok: true, data: { checked: 2, fixed: 1, progress: { running: true } } })
  expect(await h.call(ORGANISER, 'recountVotes', { selectionId })).toMatchObject({ ok: true, data: { checked: 1, fixed: 1, progress: { running: false } } })
  expect(await votesOf(works)).toEqual(exact)
})

test('a full pass leaves a work with votes newer than its start to the next run, which counts it exactly', async () => {
  const { selectionId, works, exact } = await seeded([0, 0, 0, 0, 0])
  const late = { k: 'late', w: works[0] as string, t: Date.parse(at('09:59:30')), d: '2022-06-25' }
  await h.db.collection('selectionBallots').add({ data: { _id: `${selectionId}_late`, selectionId, voter: 'late', firstDay: '2022-06-25', days: {}, votes: [late], t: late.t } })
  const first = await h.call(ORGANISER, 'recountVotes', { selectionId }, at('10:00:00'))
  expect(first).toMatchObject({ ok: true, data: { fixed: 4, busy: 1, progress: { running: false } } })
  expect(await votesOf(works)).toEqual([0, 16, 16, 16, 16])
  const next = await h.timer('', 'recountVotes', {}, at('10:10:00'))
  expect(next.ok).toBe(true)
  expect(await votesOf(works)).toEqual([(exact[0] ?? 0) + 1, 16, 16, 16, 16])
})

test('publishing refuses with the progress while a full pass is under way, and each call moves it on', async () => {
  Object.assign(recountPass, { chunksPerRun: 4 })
  const { selectionId, works, exact } = await seeded([5, 16, 16, 16, 16])
  const after = '2022-07-11T09:00:00+08:00'
  expect(await h.call(ORGANISER, 'publishResults', { selectionId }, after)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已处理 20 / 40') })
  expect(await h.call(ORGANISER, 'publishResults', { selectionId }, after)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已处理 40 / 40') })
  expect(await h.call(ORGANISER, 'publishResults', { selectionId }, after)).toMatchObject({ ok: true, data: { works: 5, recounted: 1 } })
  expect(await votesOf(works)).toEqual(exact)
})

/** Fresh voters' votes for one work in 14:00–14:05, each voter its own ledger (one mark each). */
async function boosted(voters: number): Promise<{ selectionId: string; work: string; input: { selectionId: string; workId: string; from: string; to: string; onlyNewAccounts: boolean; reason: string } }> {
  const { selectionId, works } = await seeded([16, 16, 16, 16, 16])
  const work = works[0] as string
  const ledgers: Ledger[] = Array.from({ length: voters }, (_x, v) => ({
    _id: `${selectionId}_fresh${String(v).padStart(3, '0')}`, selectionId, voter: `fresh${v}`, firstDay: '2022-06-25', days: {},
    votes: [{ k: `f${v}`, w: work, t: Date.parse(at('14:01:00')) + v, d: '2022-06-25' }], t: Date.parse(at('14:01:00')) + v,
  }))
  await h.db.collection('selectionBallots').add({ data: ledgers })
  await h.db.collection('selectionWorks').doc(work).update({ data: { votes: 16 + voters } })
  return { selectionId, work, input: { selectionId, workId: work, from: at('14:00:00'), to: at('14:05:00'), onlyNewAccounts: true, reason: '14:00 起新账号集中投票，经核查为刷票' } }
}

const voidedRecords = async (selectionId: string, work: string) =>
  (await findDocs<Ledger>(h, 'selectionBallots', { selectionId })).flatMap((l) => l.votes).filter((v) => v.w === work && v.v === 1).length

test('a large void is marked over several calls with its progress, each call within a fixed number of requests', async () => {
  voidPass.batchesPerCall = 2
  const { selectionId, work, input } = await boosted(70)
  const answers: Array<[number, number, boolean]> = []
  const requests: number[] = []
  for (let call = 0; call < 10; call += 1) {
    h.resetStats()
    const res = await h.call(ORGANISER, 'voidVotes', input, at('16:00:00'))
    requests.push(h.stats().total)
    expect(res.ok).toBe(true)
    answers.push([res.data.voided, res.data.planned, res.data.finished])
    if (res.data.finished) break
  }
  // 16 ledgers a batch, 2 batches a call
  expect(answers).toEqual([[32, 70, false], [64, 70, false], [70, 70, true]])
  expect(Math.max(...requests.slice(0, 2))).toBeLessThanOrEqual(32 + 12)
  expect(await voidedRecords(selectionId, work)).toBe(70)
  expect(await findDoc(h, 'selectionWorks', work)).toMatchObject({ votes: 16, voided: 70 })
})

test('a void interrupted after k marks resumes exactly; the timer continues one left unfinished', async () => {
  const { selectionId, work, input } = await boosted(40)
  expect(await h.callWith(crashingAfter(h.db, 20))(ORGANISER, 'voidVotes', input, at('16:00:00'))).toMatchObject({ ok: false, code: 'INTERNAL' })
  expect(await voidedRecords(selectionId, work)).toBe(20)
  expect(await findDoc(h, 'selectionWorks', work)).toMatchObject({ votes: 56, voided: 0 })
  voidPass.batchesPerCall = 2
  expect((await h.timer('', 'recountVotes', {}, at('16:01:00'))).data).toMatchObject({ resumedVoids: 0 })
  expect((await h.timer('', 'recountVotes', {}, at('16:10:00'))).data).toMatchObject({ resumedVoids: 1 })
  expect(await voidedRecords(selectionId, work)).toBe(32)
  const done = await h.call(ORGANISER, 'voidVotes', input, at('16:11:00'))
  expect(done).toMatchObject({ ok: true, data: { voided: 40, planned: 40, finished: true, votes: 16, voidedTotal: 40 } })
  expect(await voidedRecords(selectionId, work)).toBe(40)
  expect(await findDoc(h, 'selectionWorks', work)).toMatchObject({ votes: 16, voided: 40 })
  expect(await findDocs(h, 'selectionAudit', { action: 'votes.void', workId: work })).toHaveLength(1)
})

test('a call that spent its time marking leaves the recount of the work to the next call', async () => {
  voidPass.finishWithinMs = -1
  const { selectionId, work, input } = await boosted(20)
  expect(await h.call(ORGANISER, 'voidVotes', input, at('16:00:00'))).toMatchObject({ ok: true, data: { voided: 20, planned: 20, finished: false, voidedTotal: 0 } })
  expect(await voidedRecords(selectionId, work)).toBe(20)
  expect(await h.call(ORGANISER, 'voidVotes', input, at('16:00:30'))).toMatchObject({ ok: true, data: { voided: 20, finished: true, votes: 16, voidedTotal: 20 } })
})

test('a few touched works are recounted over their ledgers a chunk per run, however many ledgers hold them', async () => {
  const { selectionId, works } = await seeded([16, 16, 16, 16, 16])
  const work = works[0] as string
  const record = { k: 'late-k', w: work, t: Date.parse(at('09:30:00')), d: '2022-06-25' }
  await h.db.collection('selectionBallots').add({ data: { _id: `${selectionId}_late`, selectionId, voter: 'late', firstDay: '2022-06-25', days: {}, votes: [record], t: record.t } })
  await h.db.collection('selectionRecounts').add({ data: { _id: selectionId, upTo: Date.parse(at('09:10:00')) } })
  const selection = await findDoc<Selection>(h, 'selections', selectionId)
  const ctx = { openid: '', db: h.db, now: () => new Date(at('09:40:00')), trigger: 'timer' as const }
  recountPass.chunksPerRun = 1
  const requests: number[] = []
  let fixed = 0
  for (let run = 0; run < 10 && fixed === 0; run += 1) {
    h.resetStats()
    fixed = (await recountStep(ctx, selection, Date.now() + 60_000)).tally.fixed
    requests.push(h.stats().total)
  }
  // 17 ledgers hold the work: 4 chunks of 5 (the last one short), one a run, then the comparison and fix
  expect(requests.length).toBe(4)
  expect(Math.max(...requests)).toBeLessThanOrEqual(12)
  expect(await findDoc(h, 'selectionWorks', work)).toMatchObject({ votes: 17, voided: 0 })
  expect(await findDoc(h, 'selectionRecounts', selectionId)).toMatchObject({ upTo: Date.parse(at('09:38:00')) })
})

test('a timer run past its budget starts no further selection', async () => {
  await seeded([16, 16, 16, 16, 16])
  recountPass.budgetMs = -1
  expect(await h.timer('', 'recountVotes', {}, at('16:00:00'))).toMatchObject({ ok: true, data: { selections: 0 } })
  recountPass.budgetMs = defaults.budgetMs
  expect((await h.timer('', 'recountVotes', {}, at('16:00:00'))).data.selections).toBeGreaterThan(0)
})

test('a void\'s finishing (the work\'s count, then its watch hours) goes a ledger chunk per call, each call within a fixed number of requests', async () => {
  const { selectionId, work, input } = await boosted(20)
  const selection = await findDoc<Selection>(h, 'selections', selectionId)
  const ctx = { openid: '', db: h.db, now: () => new Date(at('16:00:00')), trigger: 'timer' as const }
  for (let run = 0; run < 50 && !(await advanceWatch(ctx, selection, Date.now() + 60_000)).caughtUp; run += 1);
  const watchInput = { selectionId, workId: work, from: at('08:00:00'), to: at('15:00:00'), bucketMinutes: 60 }
  expect((await h.call(ORGANISER, 'voteWatch', watchInput, at('16:00:00'))).data.works[0]).toMatchObject({ total: 36 })

  voidPass.finishStepsPerCall = 1
  const answers: boolean[] = []
  const requests: number[] = []
  for (let call = 0; call < 30; call += 1) {
    h.resetStats()
    const res = await h.call(ORGANISER, 'voidVotes', input, at('16:00:00'))
    requests.push(h.stats().total)
    expect(res).toMatchObject({ ok: true, data: { planned: 20 } })
    answers.push(res.data.finished)
    if (res.data.finished) {
      expect(res.data).toMatchObject({ voided: 20, votes: 16, voidedTotal: 20 })
      break
    }
  }
  // marks; 36 ledgers hold the work: 8 count chunks of 5 (the last empty); the hours' bump; 2 chunks of the 20 ledgers since 14:00 and the writes
  expect(answers.length).toBeGreaterThanOrEqual(10)
  expect(answers[answers.length - 1]).toBe(true)
  expect(Math.max(...requests.slice(1))).toBeLessThanOrEqual(14)
  expect(await findDoc(h, 'selectionWorks', work)).toMatchObject({ votes: 16, voided: 20 })
  expect((await h.call(ORGANISER, 'voteWatch', watchInput, at('16:00:00'))).data.works[0]).toMatchObject({ total: 16 })
})

test('the vote watch\'s hours are built a ledger chunk per run when asked, and read the same as in one pass', async () => {
  const { selectionId } = await seeded([16, 16, 16, 16, 16])
  const selection = { ...(await findDoc<Selection>(h, 'selections', selectionId)), windows: { submitFrom: at('00:00:00'), submitUntil: at('23:00:00'), voteFrom: at('08:00:00'), voteUntil: at('23:00:00') } }
  const ctx = { openid: '', db: h.db, now: () => new Date(at('12:00:00')), trigger: 'timer' as const }
  watchTimer.chunksPerRun = 1
  const runs: boolean[] = []
  for (let run = 0; run < 20; run += 1) {
    h.resetStats()
    const step = await advanceWatch(ctx, selection, Date.now() + 60_000)
    expect(h.stats().total).toBeLessThanOrEqual(8)
    runs.push(step.caughtUp)
    if (step.caughtUp) break
  }
  // 40 ledgers in chunks of 5, and the empty chunk that ends the pass
  expect(runs).toHaveLength(9)
  await h.db.collection('selections').doc(selectionId).update({ data: { windows: selection.windows } })
  const watch = await h.call(ORGANISER, 'voteWatch', { selectionId, from: at('08:00:00'), to: at('11:00:00'), bucketMinutes: 60 }, at('12:00:00'))
  expect(watch).toMatchObject({ ok: true, data: { totalVotes: 80, worksWithVotes: 5 } })
  expect(watch.data.works.map((w) => w.total)).toEqual([16, 16, 16, 16, 16])
  h.resetStats()
  expect((await h.call(ORGANISER, 'voteWatch', { selectionId, from: at('08:00:00'), to: at('11:00:00'), bucketMinutes: 60 }, at('12:00:00'))).ok).toBe(true)
  expect(h.stats().byAction['database.aggregateDocuments'] ?? 0).toBe(0)
})

/**
 * A database handle that counts the reads (`end`, `get`, `count`) of the named collections, by collection
 * and by kind, and delays each read of `selectionBallots` by `delayMs`: a slow vote-records collection.
 */
function watchedReads(db: DB.Database, delayMs = 0): { db: DB.Database; reads: Record<string, number> } {
  const reads: Record<string, number> = {}
  const wrap = (name: string, q: object): object => new Proxy(q, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args)
        if (prop === 'end' || prop === 'get' || prop === 'count') {
          const key = `${name}.${prop === 'end' ? 'aggregate' : String(prop)}`
          reads[key] = (reads[key] ?? 0) + 1
          const delay = name === 'selectionBallots' ? delayMs : 0
          return delay > 0 ? new Promise((resolve) => { setTimeout(resolve, delay) }).then(() => out) : out
        }
        return typeof out === 'object' && out !== null && !(out instanceof Promise) ? wrap(name, out) : out
      }
    },
  })
  const proxied = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (prop !== 'collection' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value
      return (name: string) => wrap(name, (value as (n: string) => object).call(target, name))
    },
  }) as DB.Database
  return { db: proxied, reads }
}

/** A selection whose last pass ended at 09:10, and a record for its first work at 09:30 that its counter lacks. */
async function oneLate(): Promise<{ selectionId: string; work: string; selection: Selection }> {
  const { selectionId, works } = await seeded([16, 16, 16, 16, 16])
  const work = works[0] as string
  const record = { k: 'late-k', w: work, t: Date.parse(at('09:30:00')), d: '2022-06-25' }
  await h.db.collection('selectionBallots').add({ data: { _id: `${selectionId}_late`, selectionId, voter: 'late', firstDay: '2022-06-25', days: {}, votes: [record], t: record.t } })
  await h.db.collection('selectionRecounts').add({ data: { _id: selectionId, upTo: Date.parse(at('09:10:00')) } })
  return { selectionId, work, selection: await findDoc<Selection>(h, 'selections', selectionId) }
}

test('a timer run reads the recently voted works once: the scan that picks the works is carried to the fix phase', async () => {
  const { work, selection } = await oneLate()
  const watched = watchedReads(h.db)
  const ctx = { openid: '', db: watched.db, now: () => new Date(at('09:40:00')), trigger: 'timer' as const }
  const step = await recountStep(ctx, selection, Date.now() + 60_000)
  expect(step.tally).toEqual({ checked: 1, fixed: 1, busy: 0 })
  expect(await findDoc(h, 'selectionWorks', work)).toMatchObject({ votes: 17 })
  // 17 ledgers hold the work: 4 chunks of 5 counted, plus the one scan of the recently voted works (one chunk)
  expect(watched.reads['selectionBallots.aggregate']).toBe(5)
  expect(watched.reads['selectionBallots.count']).toBe(1)
})

test('a fix phase whose works all match the tally reads neither the recently voted works nor the void jobs', async () => {
  const { selectionId, works, exact } = await seeded([16, 16, 16, 16, 16])
  expect(exact).toEqual([16, 16, 16, 16, 16])
  const watched = watchedReads(h.db)
  const ctx = { openid: '', db: watched.db, now: () => new Date(at('10:00:00')), trigger: 'timer' as const }
  const step = await recountStep(ctx, await findDoc<Selection>(h, 'selections', selectionId), Date.now() + 60_000, true)
  expect(step).toMatchObject({ tally: { checked: 5, fixed: 0, busy: 0 }, progress: { running: false } })
  // 40 ledgers: 8 chunks of 5 and the empty one after them, nothing else over the ledgers
  expect(watched.reads['selectionBallots.aggregate']).toBe(9)
  expect(watched.reads['selectionVoids.get']).toBeUndefined()
  expect(await votesOf(works)).toEqual(exact)
})

test('a run starts no read of the vote records past its deadline, nor one that its slowest read says would not fit', async () => {
  const { work, selection } = await oneLate()
  const late = watchedReads(h.db)
  const at0940 = { openid: '', now: () => new Date(at('09:40:00')), trigger: 'timer' as const }
  expect((await recountStep({ ...at0940, db: late.db }, selection, Date.now() - 1)).tally).toEqual({ checked: 0, fixed: 0, busy: 0 })
  expect(Object.keys(late.reads).filter((k) => k.startsWith('selectionBallots'))).toEqual([])
  // each read of the ledgers takes 2 s and 3 s are left: the run looks up the recent works and stops there
  const slow = watchedReads(h.db, 2000)
  await recountStep({ ...at0940, db: slow.db }, selection, Date.now() + 3000)
  expect(slow.reads['selectionBallots.aggregate']).toBe(1)
  expect(slow.reads['selectionBallots.count']).toBeUndefined()
  expect(await findDoc(h, 'selectionRecounts', selection._id)).not.toHaveProperty('pass')
  expect(await findDoc(h, 'selectionWorks', work)).toMatchObject({ votes: 16 })
  // with time enough, the next run counts the work and fixes it
  expect((await recountStep({ ...at0940, db: h.db }, selection, Date.now() + 60_000)).tally.fixed).toBe(1)
  expect(await findDoc(h, 'selectionWorks', work)).toMatchObject({ votes: 17 })
})

test('the scan for recently voted works stops once more works than a run counts one by one are seen, and a full pass starts', async () => {
  const { selectionId, works, exact } = await seeded([15, 16, 16, 16, 16])
  await h.db.collection('selectionRecounts').add({ data: { _id: selectionId, upTo: Date.parse(at('08:00:00')) } })
  recountPass.perWorkMax = 2
  const watched = watchedReads(h.db)
  const ctx = { openid: '', db: watched.db, now: () => new Date(at('10:00:00')), trigger: 'timer' as const }
  const step = await recountStep(ctx, await findDoc<Selection>(h, 'selections', selectionId), Date.now() + 60_000)
  expect(step).toMatchObject({ tally: { checked: 5, fixed: 1, busy: 0 }, progress: { running: false } })
  // the first chunk of 5 recent ledgers already names all 5 works: one aggregate for the scan, then the
  // full pass's 8 chunks and the empty one after them, and for the work to fix the works voted on since the
  // pass began (none: one empty chunk). Scanning every recent ledger first would have read 8 more.
  expect(watched.reads['selectionBallots.aggregate']).toBe(11)
  expect(await votesOf(works)).toEqual(exact)
})

test('a pass whose scan for the works voted on since it began does not fit in three runs is dropped, and a fresh pass ends exact', async () => {
  const { selectionId, works, exact } = await seeded([15, 16, 16, 16, 16])
  const selection = await findDoc<Selection>(h, 'selections', selectionId)
  const at0901 = { openid: '', now: () => new Date(at('09:01:00')), trigger: 'timer' as const }
  // run 1 counts every ledger and stops before comparing any work
  recountPass.fixPages = 0
  await recountStep({ ...at0901, db: h.db }, selection, Date.now() + 60_000, true)
  expect(await findDoc(h, 'selectionRecounts', selectionId)).toMatchObject({ pass: { phase: 'fix' } })
  recountPass.fixPages = defaults.fixPages
  // every voter voted within two minutes of the pass's start; each ledger read takes 200 ms and a run has
  // 500 ms: the scan reads one chunk of the 40 ledgers and stops, so work 0 (one short) cannot be fixed
  for (const stalls of [1, 2]) {
    const slow = watchedReads(h.db, 200)
    await recountStep({ ...at0901, db: slow.db }, selection, Date.now() + 500)
    expect(slow.reads['selectionBallots.aggregate']).toBe(1)
    expect(await findDoc(h, 'selectionRecounts', selectionId)).toMatchObject({ pass: { phase: 'fix', stalls } })
  }
  await recountStep({ ...at0901, db: watchedReads(h.db, 200).db }, selection, Date.now() + 500)
  expect(await findDoc(h, 'selectionRecounts', selectionId)).not.toHaveProperty('pass')
  expect(await votesOf(works)).toEqual([15, 16, 16, 16, 16])
  // at 09:10 a fresh pass begins: nobody voted since 09:08, so its scan is short and the work is fixed
  const at0910 = { openid: '', db: h.db, now: () => new Date(at('09:10:00')), trigger: 'timer' as const }
  await recountStep(at0910, selection, Date.now() + 60_000)
  await recountStep(at0910, selection, Date.now() + 60_000)
  expect(await findDoc(h, 'selectionRecounts', selectionId)).not.toHaveProperty('pass')
  expect(await votesOf(works)).toEqual(exact)
})
