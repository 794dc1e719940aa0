// CloudBase's database is MongoDB, whose documents are at most 16 MB of BSON: a write whose resulting
// document is larger is refused (DATABASE_REQUEST_FAILED, which wx-server-sdk reports as errCode
// -502001) and nothing is written — single and batch inserts (all or nothing), set, update,
// modifyAndReturnDoc, upserts and transactional writes. A 15 MB document is accepted. Through the real
// wx-server-sdk; the store is checked again after a restart.

import { startCloudbaseService, CloudbaseService } from '../index'
import { removeTempDirs, startHarness, errorOf, pointSdkAt, rawAdmin, Harness, Any } from './helpers'

const MB = 1024 * 1024
let h: Harness
let current: CloudbaseService
const items = (): Any => h.db.collection('items')
const big = (mb: number): string => 'x'.repeat(mb * MB)

beforeAll(async () => {
  h = await startHarness(['items'])
  current = h.service
  await items().add({ data: { _id: 'a', n: 1 } })
  await items().add({ data: { _id: 'b', n: 2, body: big(10) } })
})
afterAll(async () => {
  await current.close()
  removeTempDirs()
})

async function refused(write: () => Promise<unknown>): Promise<void> {
  const err = await errorOf(write)
  expect(err.errCode).toBe(-502001)
  expect(String(err.errMsg)).toMatch(/too large|larger than 16777216/)
  expect(String(err.errMsg)).toContain('16MB')
}

async function expectStoreUnchanged(): Promise<void> {
  const { data } = await items().field({ _id: true, n: true, extra: true }).orderBy('_id', 'asc').get()
  expect(data).toEqual([{ _id: 'a', n: 1 }, { _id: 'b', n: 2 }])
  expect((await items().doc('b').get()).data.body).toHaveLength(10 * MB)
}

test('a 17 MB document is refused on add, batch add, set, update, upsert and modifyAndReturnDoc; nothing is written', async () => {
  const { _ } = h
  await refused(() => items().add({ data: { _id: 'c', body: big(17) } }))
  await refused(() => items().add({ data: [{ _id: 'd', n: 4 }, { _id: 'e', body: big(17) }] }))
  await refused(() => items().doc('a').set({ data: { body: big(17) } }))
  await refused(() => items().doc('new').set({ data: { body: big(17) } }))
  await refused(() => items().doc('a').update({ data: { body: big(17) } }))
  // The update is small; the document it would make (10 MB + 7 MB) is not.
  await refused(() => items().doc('b').update({ data: { more: big(7) } }))
  await refused(() => items().where({ n: _.gte(1) }).update({ data: { more: big(7), n: _.inc(10) } }))
  // wx-server-sdk has no updateAndReturn: database.modifyAndReturnDoc as node-sdk sends it.
  const answer = await rawAdmin(h.service, {
    action: 'database.modifyAndReturnDoc', collectionName: 'items', queryType: 'WHERE', query: JSON.stringify({ _id: 'b' }), data: JSON.stringify({ $set: { more: big(7) } }),
  })
  expect(answer.body).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('larger than 16777216') })
  await expectStoreUnchanged()
})

test('inside a transaction the oversized write is refused and the commit writes nothing of it', async () => {
  const err = await errorOf(() => h.db.runTransaction(async (t: Any) => {
    await t.collection('items').doc('a').update({ data: { n: 100 } })
    await t.collection('items').doc('b').update({ data: { more: big(7) } })
  }))
  expect(String(err.errMsg ?? err.message)).toMatch(/larger than 16777216/)
  await expectStoreUnchanged()
})

test('a 15 MB document is accepted, and the refusals left nothing behind after a restart', async () => {
  await items().add({ data: { _id: 'c', body: big(15) } })
  expect((await items().doc('c').get()).data.body).toHaveLength(15 * MB)
  await items().doc('c').remove()
  await current.close()
  current = await startCloudbaseService({ dataDir: h.dir })
  pointSdkAt(current)
  await expectStoreUnchanged()
  expect((await items().count()).total).toBe(2)
})
