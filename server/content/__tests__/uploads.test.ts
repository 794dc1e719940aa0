// Organisers' content images through the real wx-server-sdk: a content upload ticket is organiser-only,
// refuses non-images and images over 5 MB in Chinese, records its owner under uploads/content-…; the
// banner chosen for the festival reaches the home page only once published (a draft's banner does not).
import type { Dispatch } from '../../core/router'
import { startHarness, type Harness } from '../../__tests__/harness'

let h: Harness
let content: Dispatch
let festival: Dispatch
const ORGANISER = 'demo-organiser-1'

beforeAll(async () => {
  h = await startHarness()
  const { createDispatcher } = await import('../../core/router')
  content = createDispatcher('content', (await import('../handlers')).contentHandlers)
  festival = createDispatcher('festival', (await import('../../festival/handlers')).festivalHandlers)
})
afterAll(() => h.close())

type Answer = { ok: boolean; code?: string; message?: string; issues?: Array<{ message: string }>; data: any } // eslint-disable-line @typescript-eslint/no-explicit-any
const ask = (openid: string, action: string, input: unknown) => content({ action, input }, h.ctx(openid)) as Promise<Answer>
const home = () => festival({ action: 'home', input: {} }, h.ctx('demo-resident-1')) as Promise<Answer>

test('a content upload ticket is for organisers, images only, at most 5 MB, and records its owner', async () => {
  expect((await ask('demo-staff-banan', 'uploadTicket', { ext: 'png', size: 1000 })).code).toBe('FORBIDDEN')
  expect((await ask('demo-resident-1', 'uploadTicket', { ext: 'png', size: 1000 })).message).toBe('只有文化节组委会可以上传内容图片')
  const video = await ask(ORGANISER, 'uploadTicket', { ext: 'mp4', size: 1000 })
  expect(video.issues?.[0]?.message).toBe('只能上传 JPG、PNG、WEBP 格式的图片，请换一张')
  const large = await ask(ORGANISER, 'uploadTicket', { ext: 'jpg', size: 5 * 1024 * 1024 + 1 })
  expect(large).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: '图片超过 5 MB，请压缩或换一张再上传' })
  const ticket = await ask(ORGANISER, 'uploadTicket', { ext: 'png', size: 1000 })
  expect(ticket.data.cloudPath).toMatch(/^uploads\/content-[0-9a-f]{32}\.png$/)
  const doc = (await h.db.collection('contentUploads').doc(ticket.data.ticket).get()) as { data: unknown }
  expect(doc.data).toMatchObject({ owner: ORGANISER, ext: 'png', size: 1000, kind: 'image' })
})

test('the festival banner shows on the home page once published, not while a draft', async () => {
  const { cloud } = await import('../../core/cloud')
  const ticket = await ask(ORGANISER, 'uploadTicket', { ext: 'png', size: 8 })
  const { fileID } = await cloud.uploadFile({ cloudPath: ticket.data.cloudPath, fileContent: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) })
  expect((await home()).data.festival.bannerUrl).toBeUndefined()
  const view = await ask(ORGANISER, 'editable', { kind: 'festival', id: 'cq-2022' })
  const saved = await ask(ORGANISER, 'saveDraft', { kind: 'festival', festivalId: 'cq-2022', id: 'cq-2022', data: { ...view.data.live, bannerFileId: fileID } })
  expect(saved.ok).toBe(true)
  expect((await home()).data.festival.bannerUrl).toBeUndefined()
  expect((await ask(ORGANISER, 'publish', { kind: 'festival', id: 'cq-2022' })).ok).toBe(true)
  const shown = (await home()).data.festival
  expect(shown.bannerFileId).toBe(fileID)
  expect(shown.bannerUrl).toMatch(/^https?:\/\//)
})

const webmHead = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0])

test('a lecture video ticket is for organisers, MP4/MOV/WEBM only, at most 500 MB, for an existing festival, and records its owner and length', async () => {
  const input = { festivalId: 'cq-2022', ext: 'mp4', size: 1000, durationSec: 3540, name: '孕期营养.mp4' }
  expect(await ask('demo-resident-1', 'videoTicket', input)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有文化节组委会可以上传讲座视频' })
  expect((await ask('demo-staff-banan', 'videoTicket', input)).code).toBe('FORBIDDEN')
  expect((await ask(ORGANISER, 'videoTicket', { ...input, ext: 'avi' })).issues?.[0]?.message).toBe('只能上传 MP4、MOV 或 WEBM 格式的视频，请转换格式后再选')
  expect(await ask(ORGANISER, 'videoTicket', { ...input, size: 500 * 1024 * 1024 + 1 }))
    .toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: '视频有 500.0 MB，超过 500 MB。请压缩（如导出为 720p）后再上传' })
  expect((await ask(ORGANISER, 'videoTicket', { ...input, festivalId: 'no-such-festival' })).code).toBe('NOT_FOUND')
  const ticket = await ask(ORGANISER, 'videoTicket', { ...input, size: 500 * 1024 * 1024 })
  expect(ticket.data.cloudPath).toMatch(/^uploads\/content-[0-9a-f]{32}\.mp4$/)
  const doc = (await h.db.collection('contentUploads').doc(ticket.data.ticket).get()) as { data: unknown }
  expect(doc.data).toMatchObject({ owner: ORGANISER, kind: 'video', ext: 'mp4', festivalId: 'cq-2022', durationSec: 3540, name: '孕期营养.mp4', uploaded: false })
})

test('an uploaded lecture video is recorded by its owner only and listed for its festival (newest first), and not before it is stored', async () => {
  const { cloud } = await import('../../core/cloud')
  const first = await ask(ORGANISER, 'videoTicket', { festivalId: 'cq-2022', ext: 'webm', size: 8, durationSec: 61.5, name: '产后恢复.webm' })
  const second = (await content({ action: 'videoTicket', input: { festivalId: 'cq-2022', ext: 'webm', size: 8 } }, h.ctx(ORGANISER, '2030-01-01T10:00:00+08:00'))) as Answer
  const fileIdOf = (path: string) => `cloud://local-env.bucket/${path}`
  expect(await ask(ORGANISER, 'videoUploaded', { ticket: first.data.ticket, fileID: fileIdOf(first.data.cloudPath) }))
    .toMatchObject({ ok: false, message: '视频没有上传成功，请重新上传' })
  const one = (await cloud.uploadFile({ cloudPath: first.data.cloudPath, fileContent: webmHead })).fileID
  const two = (await cloud.uploadFile({ cloudPath: second.data.cloudPath, fileContent: webmHead })).fileID
  expect(await ask(ORGANISER, 'videos', { festivalId: 'cq-2022' })).toMatchObject({ ok: true, data: [] })
  await h.db.collection('staff').doc('demo-organiser-2').set({ data: { role: 'organiser', displayName: '组委会 钱老师' } })
  expect((await ask('demo-organiser-2', 'videoUploaded', { ticket: first.data.ticket, fileID: one })).code).toBe('FORBIDDEN')
  expect((await ask(ORGANISER, 'videoUploaded', { ticket: first.data.ticket, fileID: two })).message).toBe('文件编号与上传凭证不符，请重新上传视频')
  expect(await ask(ORGANISER, 'videoUploaded', { ticket: first.data.ticket, fileID: one }))
    .toMatchObject({ ok: true, data: { fileID: one, size: 8, durationSec: 61.5, name: '产后恢复.webm', url: expect.stringMatching(/^https?:\/\//) } })
  expect((await ask(ORGANISER, 'videoUploaded', { ticket: second.data.ticket, fileID: two })).ok).toBe(true)
  const listed = await ask(ORGANISER, 'videos', { festivalId: 'cq-2022' })
  expect(listed.data.map((v: { fileID: string }) => v.fileID)).toEqual([two, one])
  expect((await ask('demo-resident-1', 'videos', { festivalId: 'cq-2022' })).code).toBe('FORBIDDEN')
})
