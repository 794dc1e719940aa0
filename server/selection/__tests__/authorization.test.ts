// Who may do what: only organisers review, void, publish, set weights and assign experts; only experts
// score, and only cases of their own categories; residents cannot vote outside the voting window or for a
// work that is not published (pending, frozen, withdrawn), nor for a work of another selection.
import { DEFAULT_CASE_CATEGORIES } from '../../../src/contract/selection'
import type { Ledger } from '../ballots'
import type { Answer } from '../../__tests__/typed-caller'
import { EXPERT, ORGANISER, findDoc, findDocs, makeSelection, png, publishedPhoto, startSelectionHarness, submitPhoto, type SelectionHarness } from './harness'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
})
afterAll(() => h.close())

const vote = (openid: string, selectionId: string, workId: string, requestId: string, now?: string) =>
  h.call(openid, 'vote', { selectionId, workId, requestId }, now)

test('organiser-only actions refuse residents, staff and experts with a Chinese message', async () => {
  const selection = await makeSelection(h)
  const pending = await submitPhoto(h, 'author-1', selection._id)
  const published = await publishedPhoto(h, 'author-2', selection._id)
  const range = { from: '2022-06-25T00:00:00+08:00', to: '2022-06-26T00:00:00+08:00' }
  const attempts: Array<[string, (openid: string) => Promise<Answer<unknown>>]> = [
    ['reviewQueue', (who) => h.call(who, 'reviewQueue', { selectionId: selection._id })],
    ['review', (who) => h.call(who, 'review', { workId: pending.data._id, decision: 'approve' })],
    ['review', (who) => h.call(who, 'review', { workId: published, decision: 'freeze', reason: '疑似刷票' })],
    ['markInspected', (who) => h.call(who, 'markInspected', { workId: published })],
    ['voteWatch', (who) => h.call(who, 'voteWatch', { selectionId: selection._id })],
    ['voidVotes', (who) => h.call(who, 'voidVotes', { selectionId: selection._id, workId: published, ...range, reason: '集中刷票，予以作废' })],
    ['publishResults', (who) => h.call(who, 'publishResults', { selectionId: selection._id })],
    ['setWeights', (who) => h.call(who, 'setWeights', { selectionId: selection._id, vote: 40, expert: 60 })],
    ['assignExpert', (who) => h.call(who, 'assignExpert', { selectionId: selection._id, openid: EXPERT, categories: [] })],
    ['mediaCheckResult', (who) => h.call(who, 'mediaCheckResult', { traceId: 'trace-123456', suggest: 'pass' })],
  ]
  for (const caller of ['author-1', 'demo-staff-banan', EXPERT, '']) {
    for (const [action, attempt] of attempts) {
      const res = await attempt(caller)
      expect([action, res.code]).toEqual([action, 'FORBIDDEN'])
      expect(res.message).toMatch(/组委会/)
    }
  }
  const work = await h.call('author-1', 'work', { workId: pending.data._id })
  expect(work.data.work.status).toBe('pending')
})

test('the organiser approves with sequential numbers, rejects with a reason the author sees, freezes', async () => {
  const selection = await makeSelection(h)
  const submitted = async (author: string) => (await submitPhoto(h, author, selection._id)).data._id
  const [n1, n2, n3, n4] = await Promise.all([submitted('author-n1'), submitted('author-n2'), submitted('author-n3'), submitted('author-n4')])
  const approvals = await Promise.all([n1, n2, n3].map((workId) => h.call(ORGANISER, 'review', { workId, decision: 'approve' })))
  expect(approvals.map((a) => a.data.number).sort()).toEqual([1, 2, 3])
  expect(await h.call(ORGANISER, 'review', { workId: n1, decision: 'approve' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(await h.call(ORGANISER, 'review', { workId: n4, decision: 'reject' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect((await h.call(ORGANISER, 'review', { workId: n4, decision: 'reject', reason: '照片模糊，请换一张清晰的' })).data.status).toBe('rejected')
  const mine = await h.call('author-n4', 'myWorks', { selectionId: selection._id })
  expect(mine.data[0]).toMatchObject({ status: 'rejected', reason: '照片模糊，请换一张清晰的', number: null })
  const frozen = await h.call(ORGANISER, 'review', { workId: n2, decision: 'freeze', reason: '核查投票异常' })
  expect(frozen.data).toMatchObject({ status: 'frozen', number: expect.any(Number) })
  const audit = await findDocs<{ action: string; actor: string }>(h, 'selectionAudit', { selectionId: selection._id })
  expect(audit.map((a) => a.action).sort()).toEqual(['review.approve', 'review.approve', 'review.approve', 'review.freeze', 'review.reject'])
  expect(audit.every((a) => a.actor === ORGANISER)).toBe(true)
})

test('residents cannot vote outside the window or for unpublished, frozen, withdrawn or foreign works', async () => {
  const selection = await makeSelection(h)
  const other = await makeSelection(h)
  const pending = (await submitPhoto(h, 'author-p', selection._id)).data._id
  const frozen = await publishedPhoto(h, 'author-f', selection._id)
  await h.call(ORGANISER, 'review', { workId: frozen, decision: 'freeze', reason: '核查中' })
  const withdrawn = await publishedPhoto(h, 'author-w', selection._id)
  expect((await h.call('author-w', 'withdraw', { workId: withdrawn })).data.status).toBe('withdrawn')
  const open = await publishedPhoto(h, 'author-o', selection._id)
  const foreign = await publishedPhoto(h, 'author-x', other._id)

  expect(await vote('v1', selection._id, open, 'early-vote-1', '2022-06-09T23:59:59+08:00')).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('开始') })
  expect(await vote('v1', selection._id, open, 'late-vote-01', '2022-07-10T00:00:00+08:00')).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('结束') })
  for (const [workId, key] of [[pending, 'pending-vote'], [frozen, 'frozen-vote1'], [withdrawn, 'withdrawn-v1'], [foreign, 'foreign-vote']] as const) {
    expect(await vote('v1', selection._id, workId, key)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('不能投票') })
  }
  expect(await vote('v1', selection._id, open, 'good-vote-01')).toMatchObject({ ok: true, data: { status: 'counted' } })
  const ledger = await findDoc<Ledger>(h, 'selectionBallots', `${selection._id}_v1`)
  expect(ledger.votes).toHaveLength(1)
  expect(ledger.days['2022-06-25']?.n).toBe(1)
  expect(await vote('', selection._id, open, 'anonymous-1')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await h.call('stranger', 'work', { workId: pending })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('only experts score, only their own categories, never seeing other experts\' scores', async () => {
  const selection = await makeSelection(h, { kind: 'cases', categories: DEFAULT_CASE_CATEGORIES, weights: { vote: 30, expert: 70 } })
  const submitCase = async (category: string, title: string) => h.call('hospital-1', 'submit', {
    kind: 'cases', selectionId: selection._id, category, title, images: [await h.upload('hospital-1', png())],
    story: '医院建设孕产保健专科，开设早产专病门诊，保障母婴安全的做法与成效。', applicant: { institution: '永川区妇幼保健院' },
  })
  const mine = await submitCase('development', '孕产保健专科建设')
  const theirs = await submitCase('department', '儿童保健特色科室')
  for (const w of [mine, theirs]) await h.call(ORGANISER, 'review', { workId: w.data._id, decision: 'approve' })
  await h.db.collection('staff').add({ data: { _id: 'demo-expert-2', role: 'expert', displayName: '评审专家 钱主任' } })
  expect(await h.call(ORGANISER, 'assignExpert', { selectionId: selection._id, openid: 'not-an-expert', categories: ['development'] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  for (const expert of [EXPERT, 'demo-expert-2']) {
    expect((await h.call(ORGANISER, 'assignExpert', { selectionId: selection._id, openid: expert, categories: ['development'] })).ok).toBe(true)
  }
  expect(await h.call('hospital-1', 'scoreCase', { workId: mine.data._id, score: 99 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await h.call(ORGANISER, 'scoreCase', { workId: mine.data._id, score: 99 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await h.call(EXPERT, 'scoreCase', { workId: theirs.data._id, score: 80 })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('妇幼特色科室建设') })
  expect(await h.call(EXPERT, 'scoreCase', { workId: mine.data._id, score: 101 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect((await h.call(EXPERT, 'scoreCase', { workId: mine.data._id, score: 88, comment: '材料翔实' })).ok).toBe(true)
  expect((await h.call('demo-expert-2', 'scoreCase', { workId: mine.data._id, score: 72 })).ok).toBe(true)
  const seen = await h.call('demo-expert-2', 'expertCases', { selectionId: selection._id })
  expect(seen.data.items).toHaveLength(1)
  expect(seen.data.items[0]).toMatchObject({ workId: mine.data._id, myScore: 72 })
  // No field may carry the other expert's score (a JSON number 88) or comment; URLs' random signatures are not fields.
  expect(JSON.stringify(seen.data)).not.toMatch(/[:[,]88[,}\]]|材料翔实/)
  expect(await h.call('hospital-1', 'expertCases', { selectionId: selection._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})
