// Poster codes: only published works get one; the first request makes the code with one
// wxacode.getUnlimited call and stores it, later requests reuse it; the code (a real PNG locally) opens
// the work page with a scene that the `work` action turns back into the same work; unknown scenes and
// long selection ids are handled.
import { readQrPng } from '../../../local/read-qr'
import { ORGANISER, makeSelection, publishedPhoto, startSelectionHarness, submitPhoto, type SelectionHarness } from './harness'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
})
afterAll(() => h.close())

async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

test('a published work gets a code once; a second request makes no openapi call; the scene opens the work', async () => {
  const selection = await makeSelection(h, { title: '测试亲子照评选' })
  const workId = await publishedPhoto(h, 'poster-author', selection._id, '外婆的生日')
  const before = h.wxacode.calls()
  const first = await h.call('visitor-1', 'shareCode', { workId })
  expect(first).toMatchObject({ ok: true, data: { workId, title: '外婆的生日', number: 1, votes: 0, selectionTitle: '测试亲子照评选' } })
  expect(first.data.scene.length).toBeLessThanOrEqual(32)
  expect(first.data.coverUrl).toMatch(/^http/)
  expect(h.wxacode.calls()).toBe(before + 1)

  const png = await fetchBytes(first.data.codeUrl)
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  const url = readQrPng(png)
  expect(url).toBe(`http://h5.local/#/selection/work/index?scene=${encodeURIComponent(first.data.scene)}`)

  const second = await h.call('visitor-2', 'shareCode', { workId })
  expect(second).toMatchObject({ ok: true, data: { workId, scene: first.data.scene } })
  expect(h.wxacode.calls()).toBe(before + 1)
  expect(readQrPng(await fetchBytes(second.data.codeUrl))).toBe(url)

  const scene = decodeURIComponent(new URL(url ?? '', 'http://x').hash.split('scene=')[1] ?? '')
  const opened = await h.call('visitor-3', 'work', { scene })
  expect(opened).toMatchObject({ ok: true, data: { work: { _id: workId, title: '外婆的生日', number: 1 } } })
})

test('works under review, withdrawn or unknown get no code and cost no openapi call', async () => {
  const selection = await makeSelection(h)
  const pending = await submitPhoto(h, 'pending-author', selection._id)
  const published = await publishedPhoto(h, 'gone-author', selection._id)
  expect((await h.call('gone-author', 'withdraw', { workId: published })).ok).toBe(true)
  const before = h.wxacode.calls()
  for (const workId of [pending.data._id, published, 'no-such-work']) {
    const res = await h.call('visitor', 'shareCode', { workId })
    expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(res.message).toMatch(/审核通过、已公开展示的作品才能生成海报/)
  }
  expect(h.wxacode.calls()).toBe(before)
})

test('an unknown or malformed scene says the code is not valid; a withdrawn work says it is gone', async () => {
  const unknown = await h.call('visitor', 'work', { scene: 'cq-2022-photo.999' })
  expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('小程序码已失效或不是本活动的作品码') })
  const malformed = await h.call('visitor', 'work', { scene: 'a=1&b=<2>' })
  expect(malformed).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(malformed.message).toMatch(/不是本活动作品的小程序码/)

  const selection = await makeSelection(h)
  const workId = await publishedPhoto(h, 'later-gone', selection._id)
  const code = await h.call('visitor', 'shareCode', { workId })
  expect((await h.call(ORGANISER, 'review', { workId, decision: 'freeze', reason: '疑似刷票' })).ok).toBe(true)
  const frozen = await h.call('visitor', 'work', { scene: code.data.scene })
  expect(frozen).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('没有找到这件作品') })
})

test('a selection id too long for the scene is hashed into 32 characters and still resolves', async () => {
  const selection = await makeSelection(h, { _id: `long-selection-id-${'x'.repeat(30)}` })
  const workId = await publishedPhoto(h, 'long-author', selection._id)
  const code = await h.call('visitor', 'shareCode', { workId })
  expect(code.ok).toBe(true)
  expect(code.data.scene).toMatch(/^[0-9a-f]{12}\.1$/)
  expect(await h.call('visitor', 'work', { scene: code.data.scene })).toMatchObject({ ok: true, data: { work: { _id: workId } } })
})
