// Cloud storage through the SDK: uploadFile (metadata + PUT), getTempFileURL (fetchable, expiring,
// ranged), downloadFile, deleteFile, and per-file error statuses.

import fs from 'fs'
import path from 'path'
import { removeTempDirs, startHarness, errorOf, Harness } from './helpers'

let h: Harness
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.service.close()
  removeTempDirs()
})

test('uploadFile stores the bytes and returns a cloud:// fileID', async () => {
  const res = await h.cloud.uploadFile({ cloudPath: 'clinics/2024/photo 1.png', fileContent: png })
  expect(res.fileID).toMatch(/^cloud:\/\/local-env\.[0-9a-f]+-local-env-\d+\/clinics\/2024\/photo 1\.png$/)
  // node-sdk 3.17.2 never calls wx-server-sdk's onResponseReceived, so statusCode stays -1
  expect(res.statusCode).toBe(-1)
  expect(fs.readFileSync(path.join(h.dir, 'storage', 'clinics', '2024', 'photo 1.png'))).toEqual(png)
})

test('getTempFileURL gives http URLs served by the service, with maxAge; downloadFile reads back', async () => {
  const { fileID } = await h.cloud.uploadFile({ cloudPath: 'a/中文.txt', fileContent: Buffer.from('hello 你好') })
  const res = await h.cloud.getTempFileURL({ fileList: [fileID, { fileID, maxAge: 120 }] })
  expect(res.fileList).toHaveLength(2)
  expect(res.fileList[0]).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 86400 })
  expect(res.fileList[1].maxAge).toBe(120)
  const url: string = res.fileList[1].tempFileURL
  expect(url.startsWith(`http://127.0.0.1:${h.service.port}/files/`)).toBe(true)
  const fetched = await fetch(encodeURI(url))
  expect(fetched.status).toBe(200)
  expect(fetched.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  expect(await fetched.text()).toBe('hello 你好')

  const downloaded = await h.cloud.downloadFile({ fileID })
  expect(downloaded.fileContent.toString()).toBe('hello 你好')
})

test('temp URLs support Range and HEAD, and refuse tampered or expired signatures', async () => {
  const { fileID } = await h.cloud.uploadFile({ cloudPath: 'v/clip.mp4', fileContent: Buffer.from('0123456789') })
  const url: string = (await h.cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL
  const ranged = await fetch(url, { headers: { range: 'bytes=2-5' } })
  expect(ranged.status).toBe(206)
  expect(ranged.headers.get('content-range')).toBe('bytes 2-5/10')
  expect(await ranged.text()).toBe('2345')
  const head = await fetch(url, { method: 'HEAD' })
  expect(head.headers.get('content-length')).toBe('10')
  expect(head.headers.get('content-type')).toBe('video/mp4')
  expect((await fetch(url.replace(/sign=[0-9a-f]+/, 'sign=forged'))).status).toBe(403)
  const past = url.replace(/t=\d+/, 't=1000')
  expect((await fetch(past)).status).toBe(403)
})

test('uploading the same cloudPath overwrites the file', async () => {
  const first = await h.cloud.uploadFile({ cloudPath: 'same.txt', fileContent: Buffer.from('one') })
  const second = await h.cloud.uploadFile({ cloudPath: 'same.txt', fileContent: Buffer.from('two') })
  expect(second.fileID).toBe(first.fileID)
  expect((await h.cloud.downloadFile({ fileID: first.fileID })).fileContent.toString()).toBe('two')
})

test('deleteFile removes files and reports missing ones per file', async () => {
  const { fileID } = await h.cloud.uploadFile({ cloudPath: 'tmp/del.txt', fileContent: Buffer.from('x') })
  const res = await h.cloud.deleteFile({ fileList: [fileID, fileID.replace('del.txt', 'never.txt')] })
  expect(res.fileList[0]).toEqual({ fileID, status: 0, errMsg: 'ok' })
  expect(res.fileList[1].status).toBe(-503003)
  const after = await h.cloud.getTempFileURL({ fileList: [fileID] })
  expect(after.fileList[0]).toMatchObject({ status: -503003, tempFileURL: '' })
  // node-sdk throws here, so wx-server-sdk keeps the tcb `code` and sets errCode -1
  expect((await errorOf(() => h.cloud.downloadFile({ fileID }))).code).toBe('STORAGE_FILE_NONEXIST')
})

test('invalid cloud paths are rejected', async () => {
  for (const cloudPath of ['../escape.txt', '/abs.txt', 'a//b.txt', 'q?.txt']) {
    const err = await errorOf(() => h.cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') }))
    expect(err.code).toBe('INVALID_PARAM')
  }
  expect(fs.existsSync(path.join(h.dir, 'escape.txt'))).toBe(false)
})
