// Upload tickets and what submit accepts: only the caller's own ticketed uploads of the right kind, each
// for one work — not another resident's photo, not an organiser's export, not a file stored any other way.
// The daily quota per person holds under concurrent requests and resets at 00:00 China time; paths carry
// no openid; uploads no work uses are removed with their files a day later by the purge timer.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UPLOAD_QUOTA } from '../../../src/contract/selection'
import { cloud } from '../../core/cloud'
import { tempUrls } from '../../shared/work-files'
import { present } from '../../__tests__/narrow'
import { NOW, findDocs, makeSelection, png, startSelectionHarness, type SelectionHarness } from './harness'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
})
afterAll(() => h.close())

const MB = 1024 * 1024
const photoInput = (selectionId: string, images: string[]) => ({ kind: 'photo' as const, selectionId, title: '我们家的周末', story: '', images, showsChild: false })

test.each([
  ['another resident\'s photo', async () => h.upload('up-neighbour', png())],
  ['an organiser\'s export', async () => (await cloud.uploadFile({ cloudPath: `exports/2022-06-25/banan-${'0'.repeat(16)}.xlsx`, fileContent: png() })).fileID],
  ['a file stored without a ticket', async () => (await cloud.uploadFile({ cloudPath: 'uploads/2022-06-25/up-thief/f1.png', fileContent: png() })).fileID],
  ['a ticket path of someone else with the file put there directly', async () => {
    const ticket = await h.call('up-neighbour', 'uploadTicket', { ext: 'png', size: 100 })
    return (await cloud.uploadFile({ cloudPath: ticket.data.cloudPath, fileContent: png() })).fileID
  }],
])('submit refuses %s, in Chinese', async (_label, make) => {
  const selection = await makeSelection(h)
  const foreign = await make()
  const res = await h.call('up-thief', 'submit', photoInput(selection._id, [foreign]))
  expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('只能提交自己刚上传的照片或视频') })
  expect(await findDocs(h, 'selectionWorks', { selectionId: selection._id })).toHaveLength(0)
})

test('an upload serves one work only, of its kind; a double-tapped submit makes one work', async () => {
  const selection = await makeSelection(h)
  const video = await makeSelection(h, { kind: 'video' })
  const image = await h.upload('up-author', png())
  const taps = await Promise.all([h.call('up-author', 'submit', photoInput(selection._id, [image])), h.call('up-author', 'submit', photoInput(selection._id, [image]))])
  const first = present(taps.find((r) => r.ok), 'the accepted submit')
  expect(taps.filter((r) => r.ok)).toHaveLength(1)
  expect(taps.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('不要重复提交') })
  const [ticket] = await findDocs<{ used: boolean; workId: string }>(h, 'selectionUploads', { _id: /[0-9a-f]{32}/.exec(image)?.[0] })
  expect(ticket).toMatchObject({ used: true, workId: first.data._id })
  expect(await h.call('up-author', 'submit', photoInput(selection._id, [image]))).toMatchObject({ ok: false, message: expect.stringContaining('另一件作品') })
  const asVideo = await h.call('up-author', 'submit', { kind: 'video', selectionId: video._id, title: '一分钟', cover: await h.upload('up-author', png()), video: { fileID: await h.upload('up-author', png()), duration: 30, size: 100 }, showsChild: false })
  expect(asVideo).toMatchObject({ ok: false, message: expect.stringContaining('文件类型') })
})

test('ticket paths are random and hold no openid', async () => {
  const openid = 'oAbCdEfGhIjKlMnOpQrStUvWxYz'
  const paths = await Promise.all(Array.from({ length: 5 }, async () => (await h.call(openid, 'uploadTicket', { ext: 'jpg', size: 1000 })).data.cloudPath))
  for (const path of paths) {
    expect(path).toMatch(/^uploads\/[0-9a-f]{32}\.jpg$/)
    expect(path).not.toContain(openid.slice(-8))
  }
  expect(new Set(paths).size).toBe(5)
})

test(`the daily quota (${UPLOAD_QUOTA.filesPerDay} files, ${UPLOAD_QUOTA.bytesPerDay / MB} MB) holds under concurrency and resets at 00:00 China time`, async () => {
  const ticket = (who: string, size: number, now = NOW, ext: 'jpg' | 'mp4' = 'jpg') => h.call(who, 'uploadTicket', { ext, size }, now)
  const burst = await Promise.all(Array.from({ length: UPLOAD_QUOTA.filesPerDay + 20 }, () => ticket('up-hoarder', 1000)))
  expect(burst.filter((r) => r.ok)).toHaveLength(UPLOAD_QUOTA.filesPerDay)
  const refused = burst.filter((r) => !r.ok)
  expect(refused).toHaveLength(20)
  for (const r of refused) expect(r).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('明天 0 点') })
  expect((await ticket('up-hoarder', 1000, '2022-06-25T23:59:59+08:00')).ok).toBe(false)
  expect((await ticket('up-hoarder', 1000, '2022-06-26T00:00:00+08:00')).ok).toBe(true)
  expect((await ticket('up-other', 1000)).ok).toBe(true)

  const videos = await Promise.all(Array.from({ length: 8 }, () => ticket('up-filmmaker', 50 * MB, NOW, 'mp4')))
  expect(videos.filter((r) => r.ok)).toHaveLength(6)
  expect(videos.find((r) => !r.ok)).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('300 MB') })
  expect((await ticket('up-filmmaker', 1)).ok).toBe(false)
  expect(await ticket('up-filmmaker', 11 * MB)).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('10 MB') })
})

test('the purge timer removes uploads no work uses a day after, with their files; used and recent ones stay', async () => {
  const selection = await makeSelection(h)
  const day1 = '2022-06-20T10:00:00+08:00'
  const orphan = await h.upload('up-purge', png(), 'png', day1)
  const neverSent = (await h.call('up-purge', 'uploadTicket', { ext: 'png', size: 10 }, day1)).data.ticket
  const used = await h.upload('up-purge', png(), 'png', day1)
  expect((await h.call('up-purge', 'submit', photoInput(selection._id, [used]), '2022-06-20T11:00:00+08:00')).ok).toBe(true)
  const fresh = await h.upload('up-purge', png(), 'png', '2022-06-21T09:00:00+08:00')
  const ids = (fileID: string) => present(/[0-9a-f]{32}/.exec(fileID)?.[0], `the upload id in ${fileID}`)

  expect((await h.timer('', 'purgeUploads', {}, '2022-06-21T09:59:00+08:00')).data).toMatchObject({ removed: 0 })
  const run = await h.timer('', 'purgeUploads', {}, '2022-06-21T10:30:00+08:00')
  expect(run).toMatchObject({ ok: true, data: { removed: 1, missing: 1 } })
  const left = (await findDocs<{ _id: string }>(h, 'selectionUploads', { owner: 'up-purge' })).map((d) => d._id).sort()
  expect(left).toEqual([ids(used), ids(fresh)].sort())
  expect(left).not.toContain(neverSent)
  const urls = await tempUrls([orphan, used, fresh])
  expect([urls.get(orphan), Boolean(urls.get(used)), Boolean(urls.get(fresh))]).toEqual(['', true, true])
  expect(await findDocs(h, 'selectionUploadQuota', { day: '2022-06-19' })).toHaveLength(0)

  const config: { triggers: unknown[] } = JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions/selection/config.json'), 'utf8'))
  expect(config.triggers).toContainEqual(expect.objectContaining({ name: 'selectionUploadsPurge', type: 'timer' }))
  expect(await h.call('up-purge', 'purgeUploads', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})
