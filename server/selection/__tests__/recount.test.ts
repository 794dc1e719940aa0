// Vote counts after a crash: a ballot whose increment never happened (written straight to the ledger, as
// a process killed between the two writes leaves it) is repaired by the selectionRecount timer once it is
// old enough, never while votes may still be in flight; later runs look only at works with new ballots;
// an organiser can recount a selection on demand; published results come from the ballots.
// Voiding after a crash part-way: the job and its audit entry (reason, range) exist before any vote is
// voided, and re-running finishes what is left without voiding twice or double-decrementing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Ledger } from '../ballots'
import { ledgerScan } from '../ledger-scan'
import { present } from '../../__tests__/narrow'
import { ORGANISER, crashingAfter, findDoc, findDocs, makeSelection, publishedPhoto, startSelectionHarness, type SelectionHarness } from './harness'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
  ledgerScan.chunk = 4
})
afterAll(() => h.close())

const at = (time: string) => `2022-06-25T${time}+08:00`
const counts = (workId: string) => findDoc<{ votes: number; voided: number }>(h, 'selectionWorks', workId)

/** What a crash between the claim and the increment leaves: the ballot, not the count. */
async function ballotWithoutIncrement(selectionId: string, voter: string, workId: string, time: string): Promise<void> {
  const day = '2022-06-25'
  const record = { k: `crash-${voter}-${workId.slice(-6)}`, w: workId, t: Date.parse(at(time)), d: day }
  await h.db.collection('selectionBallots').add({ data: { _id: `${selectionId}_${voter}`, selectionId, voter, firstDay: day, days: { [day]: { n: 1, w: { [workId]: 1 } } }, votes: [record], t: record.t } })
}

async function ballots(selectionId: string, workId: string): Promise<number> {
  return (await findDocs<Ledger>(h, 'selectionBallots', { selectionId })).flatMap((l) => l.votes).filter((v) => v.w === workId && v.v !== 1).length
}

test('the timer brings counts back to the ballots after a crash, only once no vote can be in flight', async () => {
  const selection = await makeSelection(h, { limits: { perDay: 5, perWorkPerDay: 1 } })
  const [a, b, c] = [await publishedPhoto(h, 'rc-author-a', selection._id), await publishedPhoto(h, 'rc-author-b', selection._id), await publishedPhoto(h, 'rc-author-c', selection._id)]
  for (let i = 0; i < 6; i += 1) {
    expect((await h.call(`rc-voter-${i}`, 'vote', { selectionId: selection._id, workId: a, requestId: `rc-voter-${i}-a` }, at('09:00:00'))).ok).toBe(true)
  }
  expect((await h.call('rc-voter-0', 'vote', { selectionId: selection._id, workId: b, requestId: 'rc-voter-0-b' }, at('09:00:00'))).ok).toBe(true)
  for (let i = 0; i < 5; i += 1) await ballotWithoutIncrement(selection._id, `rc-crashed-${i}`, i < 3 ? a : b, '09:30:00')
  expect((await counts(a)).votes).toBe(6)
  expect(await ballots(selection._id, a)).toBe(9)

  const early = await h.timer('', 'recountVotes', {}, at('09:31:00'))
  expect(early.data).toMatchObject({ fixed: 0, busy: 2 })
  expect((await counts(a)).votes).toBe(6)

  const run = await h.timer('', 'recountVotes', {}, at('09:40:00'))
  expect(run).toMatchObject({ ok: true, data: { fixed: 2 } })
  expect(await counts(a)).toMatchObject({ votes: 9, voided: 0 })
  expect(await counts(b)).toMatchObject({ votes: 3, voided: 0 })
  expect(await counts(c)).toMatchObject({ votes: 0 })

  const quiet = await h.timer('', 'recountVotes', {}, at('09:50:00'))
  expect(quiet.data).toMatchObject({ fixed: 0 })
  const before = (await findDocs<{ _id: string }>(h, 'selectionRecounts', { _id: selection._id }))[0]
  expect(before).toBeDefined()
  await ballotWithoutIncrement(selection._id, 'rc-crashed-late', c, '09:55:00')
  h.resetStats()
  const next = await h.timer('', 'recountVotes', {}, at('10:00:00'))
  expect(next.data).toMatchObject({ fixed: 1 })
  expect(await counts(c)).toMatchObject({ votes: 1 })
  // the fix; for the touched selection its one-work pass (started, counted, finished with the cutoff) and the
  // other's cutoff; per selection the vote watch's current hour and cutoff
  expect(h.stats().byAction['database.modifyDocument']).toBeLessThanOrEqual(1 + 3 + 1 + 2 * 2)
})

test('publishing results counts the ballots, not the stored counter', async () => {
  const selection = await makeSelection(h, { limits: { perDay: 5, perWorkPerDay: 1 } })
  const [a, b] = [await publishedPhoto(h, 'pr-author-a', selection._id, '甲'), await publishedPhoto(h, 'pr-author-b', selection._id, '乙')]
  expect((await h.call('pr-voter', 'vote', { selectionId: selection._id, workId: a, requestId: 'pr-voter-a-1' }, at('09:00:00'))).ok).toBe(true)
  for (let i = 0; i < 3; i += 1) await ballotWithoutIncrement(selection._id, `pr-crashed-${i}`, b, '09:30:00')
  expect((await counts(b)).votes).toBe(0)
  const published = await h.call(ORGANISER, 'publishResults', { selectionId: selection._id }, '2022-07-11T10:00:00+08:00')
  expect(published).toMatchObject({ ok: true, data: { recounted: 1 } })
  const results = await h.call('anyone', 'results', { selectionId: selection._id }, '2022-07-11T10:00:00+08:00')
  expect(results.data.items.map((e: { workId: string; votes: number }) => [e.workId, e.votes])).toEqual([[b, 3], [a, 1]])
  expect(await counts(b)).toMatchObject({ votes: 3 })
})

test('organisers recount a selection on demand; residents cannot; the timer is declared and reaches the repair', async () => {
  const selection = await makeSelection(h)
  const a = await publishedPhoto(h, 'od-author', selection._id)
  await ballotWithoutIncrement(selection._id, 'od-crashed', a, '09:00:00')
  expect(await h.call('od-resident', 'recountVotes', { selectionId: selection._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await h.call(ORGANISER, 'recountVotes', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('评选') })
  expect(await h.call(ORGANISER, 'recountVotes', { selectionId: selection._id })).toMatchObject({ ok: true, data: { fixed: 1 } })
  expect((await counts(a)).votes).toBe(1)

  const config = JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions/selection/config.json'), 'utf8'))
  expect(config.triggers).toContainEqual({ name: 'selectionRecount', type: 'timer', config: '0 */10 * * * * *' })
  const { main } = await import('../index')
  expect(await main({ Type: 'Timer', TriggerName: 'selectionRecount', Time: new Date().toISOString() })).toMatchObject({ ok: true })
})

async function boostedWork(tag: string) {
  const selection = await makeSelection(h, { limits: { perDay: 5, perWorkPerDay: 1 } })
  const work = await publishedPhoto(h, `${tag}-author`, selection._id)
  for (let i = 0; i < 8; i += 1) {
    expect((await h.call(`${tag}-regular-${i}`, 'vote', { selectionId: selection._id, workId: work, requestId: `${tag}-regular-${i}-v` }, at('09:00:00'))).ok).toBe(true)
  }
  for (let i = 0; i < 40; i += 1) {
    expect((await h.call(`${tag}-fresh-${i}`, 'vote', { selectionId: selection._id, workId: work, requestId: `${tag}-fresh-${i}-v` }, at(`14:0${i % 5}:00`))).ok).toBe(true)
  }
  const input = { selectionId: selection._id, workId: work, from: at('14:00:00'), to: at('14:05:00'), onlyNewAccounts: true, reason: '14:00 起新账号集中投票，经核查为刷票' }
  return { selection, work, input }
}

async function voidState(selectionId: string, workId: string) {
  const records = (await findDocs<Ledger>(h, 'selectionBallots', { selectionId })).flatMap((l) => l.votes).filter((v) => v.w === workId)
  return { voided: records.filter((v) => v.v === 1), live: records.filter((v) => v.v !== 1).length }
}

test('a void that crashes part-way has its intent recorded first, and re-running it finishes exactly', async () => {
  const { selection, work, input } = await boostedWork('vc')
  const crashed = await h.callWith(crashingAfter(h.db, 10))(ORGANISER, 'voidVotes', input, at('16:00:00'))
  expect(crashed).toMatchObject({ ok: false, code: 'INTERNAL' })
  const [started] = await findDocs<{ _id: string; state: string; reason: string; from: string; planned: number; auditId: string }>(h, 'selectionVoids', { workId: work })
  expect(started).toMatchObject({ state: 'started', reason: input.reason, from: input.from, planned: 40 })
  const job = present(started, 'the void job')
  const audit = await findDoc<Record<string, unknown>>(h, 'selectionAudit', job.auditId)
  expect(audit).toMatchObject({ action: 'votes.void', reason: input.reason, detail: { ref: job._id, planned: 40, from: input.from, to: input.to } })
  const partial = await voidState(selection._id, work)
  expect(partial.voided.length).toBeGreaterThan(0)
  expect(partial.voided.length).toBeLessThan(40)
  expect(await counts(work)).toMatchObject({ votes: 48, voided: 0 })

  const resumed = await h.call(ORGANISER, 'voidVotes', input, at('16:01:00'))
  expect(resumed).toMatchObject({ ok: true, data: { workId: work, voided: 40, votes: 8, voidedTotal: 40, auditId: job.auditId } })
  const after = await voidState(selection._id, work)
  expect(after.voided).toHaveLength(40)
  expect(new Set(after.voided.map((v) => v.r))).toEqual(new Set([job._id]))
  expect(after.live).toBe(8)
  expect(await counts(work)).toMatchObject({ votes: 8, voided: 40 })
  expect((await findDoc<{ state: string }>(h, 'selectionVoids', job._id)).state).toBe('done')
  expect(await findDocs(h, 'selectionAudit', { action: 'votes.void', workId: work })).toHaveLength(1)

  expect(await h.call(ORGANISER, 'voidVotes', input, at('16:02:00'))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await counts(work)).toMatchObject({ votes: 8, voided: 40 })
})

test('the recount timer finishes a void job a crash left behind, once it is old enough', async () => {
  const { selection, work, input } = await boostedWork('vt')
  expect(await h.callWith(crashingAfter(h.db, 3))(ORGANISER, 'voidVotes', input, at('16:00:00'))).toMatchObject({ ok: false })
  expect((await h.timer('', 'recountVotes', {}, at('16:01:00'))).data).toMatchObject({ resumedVoids: 0 })
  expect((await h.timer('', 'recountVotes', {}, at('16:10:00'))).data).toMatchObject({ resumedVoids: 1 })
  expect((await voidState(selection._id, work)).voided).toHaveLength(40)
  expect(await counts(work)).toMatchObject({ votes: 8, voided: 40 })
  expect((await h.timer('', 'recountVotes', {}, at('16:20:00'))).data).toMatchObject({ resumedVoids: 0, fixed: 0 })
})
