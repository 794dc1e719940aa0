// Submissions and content security through the real SDK calls: msgSecCheck 'risky' refuses a work;
// image verdicts arrive later as wxa_media_check pushes (from the local stand-in) and take a work down;
// consent, the per-person limit under concurrent submits, and the server-side video re-check.
import { present } from '../../__tests__/narrow'
import { ORGANISER, findDocs, makeSelection, png, publishedPhoto, startSelectionHarness, submitPhoto, type SelectionHarness } from './harness'
import { push } from '../index'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
})
afterAll(() => h.close())

const gallery = async (selectionId: string) => (await h.call('visitor', 'gallery', { selectionId })).data.items.map((w: { _id: string }) => w._id)

test('a risky text verdict refuses the submission, with a message saying what to change', async () => {
  const selection = await makeSelection(h)
  const refused = await submitPhoto(h, 'author-r', selection._id, { story: '欢迎来玩赌博游戏' })
  expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('请修改后重新提交') })
  expect(await h.call('author-r', 'myWorks', { selectionId: selection._id })).toMatchObject({ ok: true, data: [] })
  const flagged = await submitPhoto(h, 'author-r', selection._id, { story: '这里有复核测试词' })
  expect(flagged.ok).toBe(true)
  const queue = await h.call(ORGANISER, 'reviewQueue', { selectionId: selection._id })
  expect(queue.data.items[0]).toMatchObject({ checks: { text: 'review', mediaPending: 1 }, mediaState: 'pending' })
})

test('a child in the photo needs the guardian\'s consent; submissions only within the window', async () => {
  const selection = await makeSelection(h)
  const noConsent = await submitPhoto(h, 'parent-1', selection._id, { showsChild: true })
  expect(noConsent).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'guardianConsent', message: expect.stringContaining('监护人') }] })
  expect((await submitPhoto(h, 'parent-1', selection._id, { showsChild: true, guardianConsent: true })).ok).toBe(true)
  const image = await h.upload('parent-1', png())
  const late = await h.call('parent-1', 'submit', { kind: 'photo', selectionId: selection._id, title: '迟到', images: [image], showsChild: false }, '2022-07-01T00:00:00+08:00')
  expect(late).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('截止') })
  const ticket = await h.call('parent-1', 'uploadTicket', { ext: 'png', size: 100 })
  const neverSent = `${/^cloud:\/\/[^/]+/.exec(image)?.[0]}/${ticket.data.cloudPath}`
  const missing = await h.call('parent-1', 'submit', { kind: 'photo', selectionId: selection._id, title: '丢图', images: [neverSent], showsChild: false })
  expect(missing).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('重新上传') })
  const wrongKind = await h.call('parent-1', 'submit', { kind: 'cases', selectionId: selection._id, category: 'development', title: '错投', story: '这是一段足够长的案例材料文字，至少二十个字才可以。', images: [image], applicant: { institution: '某医院' } })
  expect(wrongKind).toMatchObject({ ok: false, message: expect.stringContaining('幸福亲子照') })
})

test('the per-person limit holds under concurrent submits and double taps', async () => {
  const selection = await makeSelection(h, { worksPerPerson: 2 })
  const image = await h.upload('busy-author', png())
  const send = () => h.call('busy-author', 'submit', { kind: 'photo', selectionId: selection._id, title: '双击', images: [image], showsChild: false })
  const results = await Promise.all([send(), send(), send(), send()])
  const mine = await h.call('busy-author', 'myWorks', { selectionId: selection._id })
  expect(mine.data.length).toBeLessThanOrEqual(2)
  expect(results.filter((r) => r.ok)).toHaveLength(mine.data.length)
  for (const refused of results.filter((r) => !r.ok)) expect(['CONFLICT', 'RATE_LIMITED']).toContain(refused.code)
})

test('image verdicts arrive later: risky rejects a pending work and freezes a published one; each trace applies once', async () => {
  const selection = await makeSelection(h)
  const cleanId = await publishedPhoto(h, 'author-c', selection._id)
  const badImage = await h.upload('author-b', png('RISKY-IMAGE'))
  const published = await h.call('author-b', 'submit', { kind: 'photo', selectionId: selection._id, title: '看似正常', images: [badImage], showsChild: false })
  await h.call(ORGANISER, 'review', { workId: published.data._id, decision: 'approve' })
  const pending = await h.call('author-b', 'submit', { kind: 'photo', selectionId: selection._id, title: '还在审核', images: [await h.upload('author-b', png('RISKY-IMAGE'))], showsChild: false })
  expect(await gallery(selection._id)).toEqual(expect.arrayContaining([cleanId, published.data._id]))
  expect(h.cs.pending()).toBeGreaterThanOrEqual(3)

  await h.cs.flush()
  expect(await gallery(selection._id)).toEqual([cleanId])
  const mine = await h.call('author-b', 'myWorks', { selectionId: selection._id })
  const byId = new Map(mine.data.map((w: { _id: string }) => [w._id, w]))
  expect(byId.get(published.data._id)).toMatchObject({ status: 'frozen', reason: expect.stringContaining('内容安全检测') })
  expect(byId.get(pending.data._id)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('更换图片') })
  expect(await h.call(ORGANISER, 'review', { workId: published.data._id, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const queue = await h.call(ORGANISER, 'reviewQueue', { selectionId: selection._id, status: 'frozen' })
  expect(queue.data.items[0]).toMatchObject({ mediaState: 'risky', checks: { mediaRisky: 1, mediaPending: 0 } })

  const [check] = await findDocs<{ _id: string; suggest: string }>(h, 'selectionMediaChecks', { workId: cleanId })
  expect(check?.suggest).toBe('pass')
  const traceId = present(check, 'the media check of the clean work')._id
  const replay = { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, result: { suggest: 'risky', label: 20002 } }
  expect(await push(replay)).toBe('success')
  expect(await gallery(selection._id)).toEqual([cleanId])
  expect(await push({ ...replay, trace_id: 'forged-trace-id' })).toBe('success')
  expect(await h.call(ORGANISER, 'mediaCheckResult', { traceId, suggest: 'risky' })).toMatchObject({ ok: false, code: 'CONFLICT' })
})

/** A minimal MP4: ftyp, then moov with an mvhd (version 0) of the given duration at timescale 1000. */
function mp4(seconds: number): Buffer {
  const mvhd = Buffer.alloc(108)
  mvhd.writeUInt32BE(108, 0)
  mvhd.write('mvhd', 4, 'latin1')
  mvhd.writeUInt32BE(1000, 20)
  mvhd.writeUInt32BE(Math.round(seconds * 1000), 24)
  const moov = Buffer.concat([Buffer.from([0, 0, 0, 116]), Buffer.from('moov', 'latin1'), mvhd])
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from('ftypisom', 'latin1'), Buffer.alloc(4)])
  return Buffer.concat([ftyp, moov, Buffer.alloc(2048)])
}

test('videos: the real duration is re-checked on the server; the video goes to human review', async () => {
  const selection = await makeSelection(h, { kind: 'video' })
  const cover = await h.upload('vlogger', png())
  const long = await h.upload('vlogger', mp4(75), 'mp4')
  const submit = (fileID: string, duration: number, size: number) => h.call('vlogger', 'submit', {
    kind: 'video', selectionId: selection._id, title: '孕期补钙小知识', video: { fileID, duration, size }, cover, showsChild: false,
  })
  expect(await submit(long, 59, 3000)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('实际时长 75 秒') })
  expect(await submit(long, 75, 3000)).toMatchObject({ ok: false, issues: [{ path: 'video.duration' }] })
  const ok = await submit(await h.upload('vlogger', mp4(42.5), 'mp4'), 40, 1)
  expect(ok.ok).toBe(true)
  const queue = await h.call(ORGANISER, 'reviewQueue', { selectionId: selection._id })
  expect(queue.data.items[0]).toMatchObject({ kind: 'video', duration: 42.5, checks: { humanReviewVideo: true, mediaPending: 1 }, videoUrl: expect.stringContaining('/files/') })
})
