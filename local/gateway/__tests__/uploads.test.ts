// The gateway's /api/upload over HTTP with the built bundles, as the h5 app uses it: a ticket from the
// selection function, then the bytes to the ticket's path. Only the ticket's owner may fill it, once, with
// a file of its type and at most its declared size; the stored path holds no openid.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalApp, type LocalApp } from '../../runtime'
import type { OutputOf } from '../../../src/contract/api'
import type { CallResult } from '../../../bench/gateway-client'

/** What the gateway's upload endpoint answers for a stored file. */
interface UploadAnswer {
  fileID: string
  size: number
  contentType: string
}

let app: LocalApp
const staticDir = mkdtempSync(join(tmpdir(), 'static-'))
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>妇幼健康公益文化节</title>')

beforeAll(async () => {
  app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'gateway-uploads-')), staticDir })
})
afterAll(() => app.close())

const chinese = /[\u4e00-\u9fa5]/
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)])
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(4096, 1)])
const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(4096, 2)])

/** A cookieless visitor's session, as the browser gets it on its first call. */
async function visitor(): Promise<string> {
  const res = await fetch(`${app.url}/api/fn/account`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"whoami","input":{}}' })
  return res.headers.get('set-cookie')?.split(';')[0] ?? ''
}

async function ticketFor(cookie: string, ext: string, size: number): Promise<CallResult<OutputOf<'selection', 'uploadTicket'>>> {
  const res = await fetch(`${app.url}/api/fn/selection`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ action: 'uploadTicket', input: { ext, size } }) })
  return (await res.json()) as CallResult<OutputOf<'selection', 'uploadTicket'>>
}

async function send(cookie: string, ticket: string, body: Buffer, type: string) {
  const r = await fetch(`${app.url}/api/upload?ticket=${ticket}`, { method: 'POST', headers: { 'content-type': type, cookie }, body: new Uint8Array(body) })
  return { status: r.status, body: (await r.json()) as CallResult<UploadAnswer> }
}

async function upload(body: Buffer, type: string, ext: string, declared = body.length) {
  const cookie = await visitor()
  const ticket = await ticketFor(cookie, ext, declared)
  expect(ticket).toMatchObject({ ok: true })
  return { cookie, ticket: ticket.data, res: await send(cookie, ticket.data.ticket, body, type) }
}

test('a real JPEG is stored at the ticket\'s path (no openid in it) and can be fetched back through a temp URL', async () => {
  const { ticket, res } = await upload(jpeg, 'image/jpeg', 'jpg')
  expect(res.body.ok).toBe(true)
  expect(ticket.cloudPath).toMatch(/^uploads\/[0-9a-f]{32}\.jpg$/)
  expect(res.body.data.fileID.endsWith(`/${ticket.cloudPath}`)).toBe(true)
  const cloud = createRequire(join(__dirname, '..', '..', '..', 'cloudfunctions', 'index.js'))('wx-server-sdk')
  const urls = await cloud.getTempFileURL({ fileList: [res.body.data.fileID] })
  const file = await fetch(urls.fileList[0].tempFileURL)
  expect(Buffer.from(await file.arrayBuffer()).equals(jpeg)).toBe(true)
  const [doc] = (await app.db.collection('selectionUploads').where({ _id: ticket.ticket }).get() as { data: Array<Record<string, unknown>> }).data
  expect(doc).toMatchObject({ fileID: res.body.data.fileID, used: false, kind: 'image' })
})

test.each([
  ['an MP4 video just under the 50 MB limit', Buffer.concat([mp4, Buffer.alloc(50 * 1024 * 1024 - mp4.length)]), 'video/mp4', 'mp4'],
  ['a WEBM video (what browsers record)', webm, 'video/webm', 'webm'],
])('accepts %s', async (_label, body, type, ext) => {
  const { res } = await upload(body, type, ext)
  expect(res.body.ok).toBe(true)
  expect(res.body.data).toMatchObject({ size: body.length, contentType: type })
  expect(res.body.data.fileID.endsWith(`.${ext}`)).toBe(true)
})

test.each([
  ['a type we do not take', Buffer.from('hello'), 'text/plain', 'jpg', 'INVALID_INPUT'],
  ['bytes that are not what the type claims', Buffer.from('not really a png at all'), 'image/png', 'png', 'INVALID_INPUT'],
  ['a video sent on a photo ticket', mp4, 'video/mp4', 'jpg', 'INVALID_INPUT'],
  ['a video type we do not take', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftyp3gp4'), Buffer.alloc(64)]), 'video/3gpp', 'mp4', 'INVALID_INPUT'],
  ['a WEBM claimed as MP4', webm, 'video/mp4', 'mp4', 'INVALID_INPUT'],
])('refuses %s with a Chinese message', async (_label, body, type, ext, code) => {
  const { res } = await upload(body, type, ext)
  expect(res.body).toMatchObject({ ok: false, code })
  expect(res.body.message).toMatch(chinese)
})

test('files over the size limits are refused at the ticket, and bytes over the declared size at the upload', async () => {
  const cookie = await visitor()
  expect(await ticketFor(cookie, 'jpg', 10 * 1024 * 1024 + 1)).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('10 MB') })
  expect(await ticketFor(cookie, 'mp4', 50 * 1024 * 1024 + 1)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('50 MB') })
  const { res } = await upload(Buffer.concat([jpeg, Buffer.alloc(4096)]), 'image/jpeg', 'jpg', jpeg.length)
  expect(res.body).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('声明') })
})

test('no ticket, someone else\'s ticket or a used one: nothing is written', async () => {
  const mine = await visitor()
  const theirs = await visitor()
  const noTicket = await fetch(`${app.url}/api/upload`, { method: 'POST', headers: { 'content-type': 'image/jpeg', cookie: mine }, body: new Uint8Array(jpeg) })
  expect(await noTicket.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(chinese) })
  const ticket = (await ticketFor(theirs, 'jpg', jpeg.length)).data
  expect((await send(mine, ticket.ticket, jpeg, 'image/jpeg')).body).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('上传凭证') })
  expect((await send(theirs, ticket.ticket, jpeg, 'image/jpeg')).body.ok).toBe(true)
  expect((await send(theirs, ticket.ticket, jpeg, 'image/jpeg')).body).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('an organiser\'s lecture video (a content ticket) may pass the 50 MB work limit, is sniffed, and is streamed into storage intact', async () => {
  const { newBrowser, signInAs } = await import('../../../bench/gateway-client')
  const organiser = await newBrowser(app.url)
  await signInAs(app.url, organiser, 'organiser')
  const videoTicket = async (ext: string, size: number) => {
    const res = await fetch(`${app.url}/api/fn/content`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: organiser.cookie }, body: JSON.stringify({ action: 'videoTicket', input: { festivalId: 'cq-2022', ext, size } }),
    })
    return ((await res.json()) as CallResult<OutputOf<'content', 'videoTicket'>>).data.ticket
  }
  const large = Buffer.concat([mp4, Buffer.alloc(60 * 1024 * 1024 - mp4.length, 3)])
  const stored = await send(organiser.cookie, await videoTicket('mp4', large.length), large, 'video/mp4')
  expect(stored.body).toMatchObject({ ok: true, data: { size: large.length, contentType: 'video/mp4' } })
  const cloud = createRequire(join(__dirname, '..', '..', '..', 'cloudfunctions', 'index.js'))('wx-server-sdk')
  const urls = await cloud.getTempFileURL({ fileList: [stored.body.data.fileID] })
  const tail = await fetch(urls.fileList[0].tempFileURL, { headers: { range: `bytes=${large.length - 4}-` } })
  expect(tail.status).toBe(206)
  expect([...new Uint8Array(await tail.arrayBuffer())]).toEqual([3, 3, 3, 3])
  const text = Buffer.from('this is a lecture, honestly')
  const sniffed = await send(organiser.cookie, await videoTicket('mp4', text.length), text, 'video/mp4')
  expect(sniffed.body).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '文件内容与所选格式不符，请重新选择视频' })
  const over = await send(organiser.cookie, await videoTicket('webm', webm.length), Buffer.concat([webm, Buffer.alloc(10)]), 'video/webm')
  expect(over.body).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('声明') })
})
