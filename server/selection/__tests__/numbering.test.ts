// An organiser's review and settings of a selection. Work numbers are claimed with unique ids, not in a
// transaction (CloudBase fails concurrent transactions on one document fast): many approvals at once get
// unique numbers with no gap, the same work approved twice at once is published once and hands its spare
// number back, a frozen work keeps its number when approved again; weights exist only where a selection
// has experts.
import type { Selection, Work } from '../../../src/contract/selection'
import { ORGANISER, findDoc, makeSelection, startSelectionHarness, submitPhoto, type SelectionHarness } from './harness'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
})
afterAll(() => h.close())

const approve = (workId: string) => h.call(ORGANISER, 'review', { workId, decision: 'approve' })

test('eight approvals at once are numbered 1–8', async () => {
  const selection = await makeSelection(h)
  const ids = await Promise.all(Array.from({ length: 8 }, async (_, i) => (await submitPhoto(h, `numbered-${i}`, selection._id)).data._id))
  const results = await Promise.all(ids.map(approve))
  expect(results.every((r) => r.ok)).toBe(true)
  expect(results.map((r) => r.data.number ?? 0).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  expect((await findDoc<Selection>(h, 'selections', selection._id)).lastNumber).toBe(8)
})

test('two organisers approving one work at once publish it once, and the next work takes the next number', async () => {
  const selection = await makeSelection(h)
  const first = (await submitPhoto(h, 'twice-1', selection._id)).data._id
  const second = (await submitPhoto(h, 'twice-2', selection._id)).data._id
  const both = await Promise.all([approve(first), approve(first)])
  expect(both.filter((r) => r.ok)).toHaveLength(1)
  expect(both.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' })
  expect((await findDoc<Work>(h, 'selectionWorks', first)).number).toBe(1)
  expect((await approve(second)).data.number).toBe(2)
})

test('a frozen work approved again keeps its number', async () => {
  const selection = await makeSelection(h)
  const id = (await submitPhoto(h, 'frozen-1', selection._id)).data._id
  expect((await approve(id)).data.number).toBe(1)
  await h.call(ORGANISER, 'review', { workId: id, decision: 'freeze', reason: '核查投票异常' })
  expect((await approve(id)).data).toMatchObject({ status: 'published', number: 1 })
  expect((await findDoc<Selection>(h, 'selections', selection._id)).lastNumber).toBe(1)
})

test('a photo selection has no expert step: an expert weight is refused, 100 % votes is accepted', async () => {
  const selection = await makeSelection(h)
  const refused = await h.call(ORGANISER, 'setWeights', { selectionId: selection._id, vote: 70, expert: 30 })
  expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'expert' }] })
  expect(refused.message).toContain('没有专家评分环节')
  expect((await h.call(ORGANISER, 'setWeights', { selectionId: selection._id, vote: 100, expert: 0 })).ok).toBe(true)
})
