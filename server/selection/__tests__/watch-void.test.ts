// Vote watch and voiding: a burst from accounts first seen that day is flagged, ordinary voting is not;
// voiding those votes (with a written reason) marks their records, writes the audit log, and recomputes
// the work's count exactly from the records — also while other votes keep arriving.
import { ledgerScan } from '../ledger-scan'
import { ORGANISER, findDoc, findDocs, makeSelection, publishedPhoto, startSelectionHarness, type SelectionHarness } from './harness'
import type { Ledger } from '../ballots'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
  ledgerScan.chunk = 3
})
afterAll(() => h.close())

const at = (time: string) => `2022-06-25T${time}+08:00`

async function records(selectionId: string, workId: string) {
  const mine = (await findDocs<Ledger>(h, 'selectionBallots', { selectionId })).flatMap((l) => l.votes).filter((v) => v.w === workId)
  return { live: mine.filter((v) => v.v !== 1).length, voided: mine.filter((v) => v.v === 1) }
}

async function counts(workId: string) {
  return findDoc<{ votes: number; voided: number }>(h, 'selectionWorks', workId)
}

test('bursts from new accounts are flagged and voided exactly, with an audit record', async () => {
  const selection = await makeSelection(h, { limits: { perDay: 5, perWorkPerDay: 1 }, watch: { burstVotes: 10, newAccountVotes: 10 } })
  const steady = await publishedPhoto(h, 'author-s', selection._id, '公园里的下午')
  const boosted = await publishedPhoto(h, 'author-b', selection._id, '刷票嫌疑作品')
  const vote = (voter: string, workId: string, now: string, key: string) => h.call(voter, 'vote', { selectionId: selection._id, workId, requestId: key }, now)

  for (let i = 0; i < 8; i += 1) {
    expect((await vote(`regular-${i}`, steady, '2022-06-20T10:00:00+08:00', `regular-${i}-day1`)).ok).toBe(true)
    expect((await vote(`regular-${i}`, steady, at(`0${i}:30:00`), `regular-${i}-day6`)).ok).toBe(true)
    expect((await vote(`regular-${i}`, boosted, at(`1${i}:10:00`), `regular-${i}-b`)).ok).toBe(true)
  }
  await Promise.all(Array.from({ length: 30 }, (_x, i) => vote(`fresh-${i}`, boosted, at(`14:0${i % 4}:${String(i).padStart(2, '0')}`), `fresh-${i}-burst`)))
  expect((await counts(boosted)).votes).toBe(38)

  const evening = at('23:00:00')
  expect((await h.timer('', 'recountVotes', {}, evening)).ok).toBe(true)
  const watch = await h.call(ORGANISER, 'voteWatch', { selectionId: selection._id, from: at('00:00:00'), to: '2022-06-26T00:00:00+08:00', bucketMinutes: 5 })
  expect(watch.ok).toBe(true)
  const [first, second] = watch.data.works
  expect(first).toMatchObject({ workId: boosted, title: '刷票嫌疑作品', total: 38, newAccountVotes: 30 })
  expect(first?.flags.map((f) => f.kind).sort()).toEqual(['burst', 'new_accounts'])
  expect(first?.flags[0]).toMatchObject({ start: '2022-06-25T14:00:00+08:00', votes: 30, message: expect.stringContaining('6月25日 14:00') })
  expect(second).toMatchObject({ workId: steady, total: 8, newAccountVotes: 0, flags: [] })

  const reason = '14:00 起 5 分钟内 30 个新账号集中投票，经核查为刷票'
  const concurrent = Promise.all(Array.from({ length: 10 }, (_x, i) => vote(`late-${i}`, boosted, evening, `late-${i}-vote`)))
  const [voided] = await Promise.all([
    h.call(ORGANISER, 'voidVotes', { selectionId: selection._id, workId: boosted, from: at('14:00:00'), to: at('14:05:00'), onlyNewAccounts: true, reason }, evening),
    concurrent,
  ])
  expect(voided).toMatchObject({ ok: true, data: { workId: boosted, voided: 30, voidedTotal: 30 } })
  const after = await records(selection._id, boosted)
  expect(after.voided).toHaveLength(30)
  expect(after.live).toBe(18)
  expect(await counts(boosted)).toEqual(expect.objectContaining({ votes: 18, voided: 30 }))
  expect(new Set(after.voided.map((r) => r.r)).size).toBe(1)

  const audit = await findDoc<Record<string, unknown>>(h, 'selectionAudit', voided.data.auditId)
  expect(audit).toMatchObject({ action: 'votes.void', actor: ORGANISER, workId: boosted, reason, detail: { planned: 30, ref: after.voided[0]?.r, onlyNewAccounts: true } })

  expect(await h.call(ORGANISER, 'voidVotes', { selectionId: selection._id, workId: boosted, from: at('14:00:00'), to: at('14:05:00'), reason }))
    .toMatchObject({ ok: false, code: 'NOT_FOUND', issues: [{ path: 'from', message: expect.stringContaining('请调整时间范围') }] })
  expect((await h.timer('', 'recountVotes', {}, '2022-06-26T00:10:00+08:00')).ok).toBe(true)
  const rewatch = await h.call(ORGANISER, 'voteWatch', { selectionId: selection._id, workId: boosted, from: at('00:00:00'), to: '2022-06-26T00:00:00+08:00', bucketMinutes: 60 })
  expect(rewatch.data.works[0]).toMatchObject({ total: 18 })
  expect(rewatch.data.coveredUntil).toBe('2022-06-26T00:00:00+08:00')
  expect(rewatch.data.works[0]?.flags.map((f) => f.start)).toEqual([evening, evening])
  expect(await h.call(ORGANISER, 'voidVotes', { selectionId: selection._id, workId: boosted, from: at('14:00:00'), to: at('14:05:00'), reason: '短' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('vote watch refuses ranges it cannot chart', async () => {
  const selection = await makeSelection(h)
  expect(await h.call(ORGANISER, 'voteWatch', { selectionId: selection._id, from: '2022-06-01T00:00:00+08:00', to: '2022-06-25T00:00:00+08:00' })).toMatchObject({ ok: false, message: expect.stringContaining('7 天') })
  expect(await h.call(ORGANISER, 'voteWatch', { selectionId: selection._id, from: at('10:00:00'), to: at('09:00:00') })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await h.call(ORGANISER, 'voteWatch', { selectionId: selection._id })).toMatchObject({ ok: true, data: { works: [] } })
})
