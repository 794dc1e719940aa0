// A rejected work corrected and resubmitted: the same work goes back to 审核中 with its new content and
// fresh image checks, the rejection kept in `revisions` (shown to the author and to reviewers); only the
// author, only a rejected work, only within the submission window, once per rejection (a double tap
// changes it once); a late verdict for a replaced image no longer counts.
import { present } from '../../__tests__/narrow'
import { ORGANISER, findDoc, findDocs, makeSelection, png, startSelectionHarness, submitPhoto, type SelectionHarness } from './harness'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
})
afterAll(() => h.close())

const corrected = (selectionId: string, images: string[], title = '外婆的生日（清晰版）') =>
  ({ kind: 'photo' as const, selectionId, title, story: '换了一张清晰的照片', images, showsChild: false })

async function rejected(author: string, selectionId: string): Promise<string> {
  const submitted = await submitPhoto(h, author, selectionId, { title: '外婆的生日' })
  const workId = submitted.data._id as string
  expect((await h.call(ORGANISER, 'review', { workId, decision: 'reject', reason: '照片模糊，请换一张清晰的' })).ok).toBe(true)
  return workId
}

test('我的作品 gives a rejected work its content as a draft to correct (texts, photos with links, consent)', async () => {
  const selection = await makeSelection(h)
  const workId = await rejected('rs-drafter', selection._id)
  const mine = await h.call('rs-drafter', 'myWorks', { selectionId: selection._id })
  const draft = present(mine.data?.[0]?.draft, 'the draft')
  expect(draft).toMatchObject({ title: '外婆的生日', story: '周末去公园', showsChild: false })
  expect(draft.images).toHaveLength(1)
  const image = present(draft.images[0], 'the kept image')
  expect(image.url).toMatch(/^http/)
  const kept = image.fileID
  const res = await h.call('rs-drafter', 'resubmit', { workId, work: corrected(selection._id, [kept], '外婆的生日') })
  expect(res).toMatchObject({ ok: true, data: { status: 'pending' } })
  expect(res.data.draft).toBeUndefined()
})

test('the author corrects a rejected work: back to 审核中 as the same work, the rejection kept in its history', async () => {
  const selection = await makeSelection(h)
  const workId = await rejected('rs-author', selection._id)
  const image = await h.upload('rs-author', png('fixed'), 'png', '2022-06-26T09:59:00+08:00')
  const res = await h.call('rs-author', 'resubmit', { workId, work: corrected(selection._id, [image]) }, '2022-06-26T10:00:00+08:00')
  expect(res).toMatchObject({ ok: true, data: { _id: workId, status: 'pending', title: '外婆的生日（清晰版）' } })
  expect(res.data.reason).toBeUndefined()
  expect(res.data.revisions).toEqual([
    { title: '外婆的生日', reason: '照片模糊，请换一张清晰的', rejectedAt: expect.any(String), resubmittedAt: '2022-06-26T10:00:00.000+08:00' },
  ])
  const work = await findDoc<{ images: string[]; status: string; checks: { mediaPending: number } }>(h, 'selectionWorks', workId)
  expect(work).toMatchObject({ images: [image], status: 'pending', checks: { mediaPending: 1 } })
  const mine = await h.call('rs-author', 'myWorks', { selectionId: selection._id })
  expect(mine.data).toHaveLength(1)
  expect(mine.data?.[0]?.revisions).toHaveLength(1)
  const queue = await h.call(ORGANISER, 'reviewQueue', { selectionId: selection._id })
  expect(queue.data.items[0]).toMatchObject({ _id: workId, revisions: [expect.objectContaining({ reason: '照片模糊，请换一张清晰的' })] })
  const audit = await findDocs<{ action: string }>(h, 'selectionAudit', { workId, action: 'work.resubmit' })
  expect(audit).toHaveLength(1)
})

test('refused: another person’s work, a work not rejected, after the deadline; a double tap resubmits once', async () => {
  const selection = await makeSelection(h)
  const workId = await rejected('rs-author2', selection._id)
  const image = await h.upload('rs-author2', png('again'))
  expect(await h.call('rs-stranger', 'resubmit', { workId, work: corrected(selection._id, [image]) })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await h.call('rs-author2', 'resubmit', { workId, work: corrected(selection._id, [image]) }, '2022-07-02T10:00:00+08:00'))
    .toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('截止') })
  const taps = await Promise.all([1, 2].map(() => h.call('rs-author2', 'resubmit', { workId, work: corrected(selection._id, [image]) })))
  expect(taps.filter((r) => r.ok)).toHaveLength(1)
  expect(taps.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' })
  const work = await findDoc<{ revisions: unknown[] }>(h, 'selectionWorks', workId)
  expect(work.revisions).toHaveLength(1)
  expect(await h.call('rs-author2', 'resubmit', { workId, work: corrected(selection._id, [image]) })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('只有未通过审核') })
})

test('a verdict still pending for a replaced image is superseded and no longer counts', async () => {
  const selection = await makeSelection(h)
  const workId = await rejected('rs-author3', selection._id)
  const [oldCheck] = await findDocs<{ _id: string }>(h, 'selectionMediaChecks', { workId })
  expect(oldCheck).toBeTruthy()
  const image = await h.upload('rs-author3', png('new'))
  expect((await h.call('rs-author3', 'resubmit', { workId, work: corrected(selection._id, [image]) })).ok).toBe(true)
  const late = await h.call(ORGANISER, 'mediaCheckResult', { traceId: present(oldCheck, 'the old check')._id, suggest: 'risky' })
  expect(late).toMatchObject({ ok: false, code: 'CONFLICT' })
  const work = await findDoc<{ status: string; checks: { mediaRisky: number } }>(h, 'selectionWorks', workId)
  expect(work).toMatchObject({ status: 'pending', checks: { mediaRisky: 0 } })
})
