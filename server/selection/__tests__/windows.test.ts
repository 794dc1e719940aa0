// Organisers open, extend and end a selection's phases: ending submission stops submit at once (in this
// instance), extending voting lets votes in again until the new time, a judging window bounds expert
// scoring; each change is audited with its reason and old/new times, a stale change loses, residents are
// refused, and nothing moves once results are published.
import { DEFAULT_CASE_CATEGORIES } from '../../../src/contract/selection'
import { EXPERT, NOW, ORGANISER, findDoc, findDocs, makeSelection, png, publishedPhoto, startSelectionHarness, submitPhoto, type SelectionHarness } from './harness'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
})
afterAll(() => h.close())

const LATER = '2022-06-25T11:00:00+08:00'

test('ending submission refuses the next submit; the audit log keeps who, why and the old and new times', async () => {
  const selection = await makeSelection(h)
  const ended = await h.call(ORGANISER, 'setWindow', { selectionId: selection._id, window: 'submit', move: 'end', reason: '征集数量已够，提前截止' })
  expect(ended).toMatchObject({ ok: true, data: { windows: { submitFrom: selection.windows.submitFrom, submitUntil: '2022-06-25T10:00:00+08:00' } } })
  expect(await submitPhoto(h, 'w-late', selection._id)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('截止') })
  const [audit] = await findDocs<{ action: string; reason: string; actor: string; detail: { from: { until: string }; to: { until: string } } }>(h, 'selectionAudit', { _id: ended.data.auditId })
  expect(audit).toMatchObject({ action: 'window.submit.end', reason: '征集数量已够，提前截止', actor: ORGANISER, detail: { from: { until: selection.windows.submitUntil }, to: { until: '2022-06-25T10:00:00+08:00' } } })
  expect(await h.call(ORGANISER, 'setWindow', { selectionId: selection._id, window: 'submit', move: 'end', reason: '再结束一次' })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('无需结束') })
  const reopened = await h.call(ORGANISER, 'setWindow', { selectionId: selection._id, window: 'submit', move: 'open', until: '2022-06-28T00:00:00+08:00', reason: '应群众要求重新开放' }, LATER)
  expect(reopened.data.windows).toMatchObject({ submitFrom: '2022-06-25T11:00:00+08:00', submitUntil: '2022-06-28T00:00:00+08:00' })
  const stored = await findDoc<{ windows: Record<string, string> }>(h, 'selections', selection._id)
  expect(stored.windows.submitUntil).toBe('2022-06-28T00:00:00+08:00')
})

test('extending voting moves its end; an earlier or past end is refused, as are residents and a finished selection', async () => {
  const selection = await makeSelection(h)
  const workId = await publishedPhoto(h, 'w-author', selection._id)
  const extend = (until: string, who = ORGANISER) => h.call(who, 'setWindow', { selectionId: selection._id, window: 'vote', move: 'extend', until, reason: '系统维护，顺延投票' })
  expect(await extend('2022-07-05T00:00:00+08:00')).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('应晚于现在的截止时间') })
  expect(await extend('2022-06-01T00:00:00+08:00')).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('晚于现在') })
  expect(await extend('2022-07-20T00:00:00+08:00', 'w-author')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await extend('2022-07-20T00:00:00+08:00')).ok).toBe(true)
  const vote = await h.call('w-voter', 'vote', { selectionId: selection._id, workId, requestId: 'req-extended-1' }, '2022-07-15T10:00:00+08:00')
  expect(vote).toMatchObject({ ok: true })
  await h.db.collection('selections').doc(selection._id).update({ data: { results: { publishedAt: NOW, noticeUntil: NOW, formula: '', weights: selection.weights } } })
  expect(await extend('2022-07-30T00:00:00+08:00')).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('已经公布') })
})

test('two organisers ending voting at once change it once', async () => {
  const selection = await makeSelection(h)
  const both = await Promise.all([1, 2].map(() => h.call(ORGANISER, 'setWindow', { selectionId: selection._id, window: 'vote', move: 'end', reason: '投票提前结束' })))
  expect(both.filter((r) => r.ok)).toHaveLength(1)
  expect(both.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' })
  expect(await findDocs(h, 'selectionAudit', { selectionId: selection._id, action: 'window.vote.end' })).toHaveLength(1)
})

test('a judging window bounds expert scoring; photo selections have none', async () => {
  const photo = await makeSelection(h)
  expect(await h.call(ORGANISER, 'setWindow', { selectionId: photo._id, window: 'judge', move: 'open', until: '2022-07-01T00:00:00+08:00', reason: '开始评审' }))
    .toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  const selection = await makeSelection(h, { kind: 'cases', categories: DEFAULT_CASE_CATEGORIES, weights: { vote: 30, expert: 70 } })
  const submitted = await h.call('hospital-9', 'submit', {
    kind: 'cases', selectionId: selection._id, category: 'development', title: '孕产保健专科建设', images: [await h.upload('hospital-9', png())],
    story: '医院建设孕产保健专科，开设早产专病门诊，保障母婴安全的做法与成效。', applicant: { institution: '永川区妇幼保健院' },
  })
  await h.call(ORGANISER, 'review', { workId: submitted.data._id, decision: 'approve' })
  await h.call(ORGANISER, 'assignExpert', { selectionId: selection._id, openid: EXPERT, categories: ['development'] })
  const opened = await h.call(ORGANISER, 'setWindow', { selectionId: selection._id, window: 'judge', move: 'open', until: '2022-06-26T00:00:00+08:00', reason: '进入专家评审' })
  expect(opened.data.windows).toMatchObject({ judgeFrom: '2022-06-25T10:00:00+08:00', judgeUntil: '2022-06-26T00:00:00+08:00' })
  expect((await h.call(EXPERT, 'scoreCase', { workId: submitted.data._id, score: 90 })).ok).toBe(true)
  expect((await h.call(ORGANISER, 'setWindow', { selectionId: selection._id, window: 'judge', move: 'end', reason: '评审结束' }, LATER)).ok).toBe(true)
  expect(await h.call(EXPERT, 'scoreCase', { workId: submitted.data._id, score: 91 }, '2022-06-25T12:00:00+08:00'))
    .toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('专家评审已于') })
  const views = await h.call('anyone', 'selections', {}, '2022-06-25T10:30:00+08:00')
  expect(views.data.find((s: { _id: string }) => s._id === selection._id)).toMatchObject({ windows: { judgeUntil: '2022-06-25T11:00:00+08:00' } })
})
