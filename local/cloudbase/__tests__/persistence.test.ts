// Persistence: data, collections, committed transactions and files survive a restart on the same
// data dir; the log tolerates a torn last line, compacts itself, and a dir cannot be opened twice.

import fs from 'fs'
import path from 'path'
import { startCloudbaseService, CloudbaseService } from '../index'
import { removeTempDirs, startHarness, tempDir, pointSdkAt, Harness, Any } from './helpers'

let h: Harness
let current: CloudbaseService

async function restart(dir: string): Promise<CloudbaseService> {
  await current.close()
  current = await startCloudbaseService({ dataDir: dir })
  pointSdkAt(current)
  return current
}

beforeAll(async () => {
  h = await startHarness(['notes', 'empty'])
  current = h.service
})
afterAll(async () => {
  await current.close()
  removeTempDirs()
})

test('documents, collections, transactions and files survive a restart', async () => {
  const notes = (): Any => h.db.collection('notes')
  await notes().doc('n1').set({ data: { text: 'hi', at: new Date('2024-06-01T00:00:00Z'), tags: ['a'] } })
  await notes().doc('n1').update({ data: { views: h._.inc(3) } })
  await notes().add({ data: { _id: 'gone', x: 1 } })
  await notes().doc('gone').remove()
  await h.db.runTransaction(async (t: Any) => {
    await t.collection('notes').doc('n2').set({ data: { fromTx: true } })
  })
  const { fileID } = await h.cloud.uploadFile({ cloudPath: 'keep/me.txt', fileContent: Buffer.from('persisted') })
  const oldUrl: string = (await h.cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL

  const svc = await restart(h.dir)
  expect(svc.port).not.toBe(0)
  expect((await notes().doc('n1').get()).data).toEqual({ _id: 'n1', text: 'hi', at: new Date('2024-06-01T00:00:00Z'), tags: ['a'], views: 3 })
  expect((await notes().doc('n2').get()).data.fromTx).toBe(true)
  expect((await notes().count()).total).toBe(2)
  expect((await h.db.collection('empty').count()).total).toBe(0)
  expect((await h.cloud.downloadFile({ fileID })).fileContent.toString()).toBe('persisted')
  const oldPath = new URL(oldUrl).pathname + new URL(oldUrl).search
  const stillValid = await fetch(`http://127.0.0.1:${svc.port}${encodeURI(oldPath)}`)
  expect(await stillValid.text()).toBe('persisted')
})

test('a data dir cannot be opened twice', async () => {
  await expect(startCloudbaseService({ dataDir: h.dir })).rejects.toThrow(/already open/)
})

test('a torn last line (crash mid-write) is dropped and the log repaired', async () => {
  const dir = tempDir()
  const svc = await startCloudbaseService({ dataDir: dir })
  await svc.ensureCollections(['c'])
  await svc.close()
  const log = path.join(dir, 'db.jsonl')
  fs.appendFileSync(log, '{"ops":[{"c":"c","put":{"_id":"half"')
  const again = await startCloudbaseService({ dataDir: dir })
  try {
    pointSdkAt(again)
    await h.db.collection('c').add({ data: { _id: 'ok', v: 1 } })
    expect(fs.readFileSync(log, 'utf8').endsWith('\n')).toBe(true)
  } finally {
    await again.close()
  }
  const third = await startCloudbaseService({ dataDir: dir })
  try {
    pointSdkAt(third)
    const all = await h.db.collection('c').get()
    expect(all.data).toEqual([{ _id: 'ok', v: 1 }])
  } finally {
    await third.close()
    pointSdkAt(current)
  }
})

test('the log is compacted as it grows and still replays to the same state', async () => {
  const col = (): Any => h.db.collection('notes')
  await col().doc('hot').set({ data: { n: 0 } })
  for (let i = 0; i < 22; i += 1) {
    await Promise.all(Array.from({ length: 50 }, () => col().doc('hot').update({ data: { n: h._.inc(1) } })))
  }
  const lines = fs.readFileSync(path.join(h.dir, 'db.jsonl'), 'utf8').split('\n').filter(Boolean).length
  expect(lines).toBeLessThan(1100)
  await restart(h.dir)
  expect((await col().doc('hot').get()).data.n).toBe(1100)
})

test('a write is answered only once its line is fdatasynced; reads meanwhile are not held', async () => {
  const realSync = fs.fdatasync
  const held: Array<() => void> = []
  const sync = jest.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, cb: (err: NodeJS.ErrnoException | null) => void) => {
    held.push(() => realSync(fd, cb))
  }) as typeof fs.fdatasync)
  try {
    let answered = false
    const write = h.db.collection('notes').add({ data: { durable: true } }).then(() => { answered = true })
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve))
    expect((await h.db.collection('notes').doc('n1').get()).data._id).toBe('n1')
    expect(answered).toBe(false)
    held.splice(0).forEach((release) => release())
    await write
    expect(answered).toBe(true)
  } finally {
    sync.mockRestore()
  }
})
