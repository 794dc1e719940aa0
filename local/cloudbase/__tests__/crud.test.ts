// Documents and collections through the real wx-server-sdk: add/get/set/update/remove, where()
// queries with orderBy/skip/limit/field, count, limits, ids, dates, and CloudBase error shapes.

import { removeTempDirs, startHarness, errorOf, Harness, Any, rawAdmin as signedAdmin } from './helpers'

let h: Harness
const col = (name = 'items'): Any => h.db.collection(name)

beforeAll(async () => {
  h = await startHarness(['items', 'big', 'multi', 'dates'])
})
afterAll(async () => {
  await h.service.close()
  removeTempDirs()
})

async function rawAdmin(body: Record<string, unknown>): Promise<Any> {
  const res = await signedAdmin(h.service, body)
  expect(res.status).toBe(200)
  return res.body
}

describe('add and doc()', () => {
  test('add generates a 32-hex _id and doc().get returns the document', async () => {
    const res = await col().add({ data: { title: 'first', n: 1, nested: { a: [1, 2] } } })
    expect(res._id).toMatch(/^[0-9a-f]{32}$/)
    expect(res.errMsg).toBe('collection.add:ok')
    const got = await col().doc(res._id).get()
    expect(got.data).toEqual({ _id: res._id, title: 'first', n: 1, nested: { a: [1, 2] } })
  })

  test('explicit _id (string or number) and duplicate _id error', async () => {
    await col().add({ data: { _id: 'fixed-1', v: 1 } })
    await col().add({ data: { _id: 42, v: 2 } })
    expect((await col().doc(42).get()).data.v).toBe(2)
    const err = await errorOf(() => col().add({ data: { _id: 'fixed-1', v: 3 } }))
    expect(err.errMsg).toMatch(/E11000 duplicate key/)
    expect((await col().doc('fixed-1').get()).data.v).toBe(1)
    const raw = await rawAdmin({ action: 'database.insertDocument', collectionName: 'items', data: [JSON.stringify({ _id: 'fixed-1', v: 4 })] })
    expect(raw).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE', message: expect.stringContaining('E11000 duplicate key') })
  })

  test('add with an array inserts all of them (node-sdk batch insert)', async () => {
    const res = await col('multi').add({ data: [{ k: 1 }, { k: 2 }, { k: 3 }] })
    expect(res._ids).toHaveLength(3)
    expect((await col('multi').count()).total).toBe(3)
  })

  test('doc().get of a missing document rejects; with throwOnNotFound false it resolves null', async () => {
    const err = await errorOf(() => col().doc('nope').get())
    expect(String(err.errMsg)).toMatch(/does not exist/)
    const lenient = h.cloud.database({ throwOnNotFound: false })
    expect((await lenient.collection('items').doc('nope').get()).data).toBeNull()
  })

  test('set replaces or creates; update merges; remove deletes', async () => {
    const created = await col().doc('s1').set({ data: { a: 1, b: { c: 2 } } })
    expect(created).toMatchObject({ _id: 's1', stats: { updated: 0, created: 1 } })
    const replaced = await col().doc('s1').set({ data: { z: true } })
    expect(replaced.stats).toEqual({ updated: 1, created: 0 })
    expect((await col().doc('s1').get()).data).toEqual({ _id: 's1', z: true })

    const updated = await col().doc('s1').update({ data: { y: 'x', deep: { k: 1 } } })
    expect(updated.stats.updated).toBe(1)
    expect((await col().doc('s1').get()).data).toEqual({ _id: 's1', z: true, y: 'x', deep: { k: 1 } })
    expect((await col().doc('s1').update({ data: { 'deep.k': 1 } })).stats.updated).toBe(0)
    expect((await col().doc('missing').update({ data: { a: 1 } })).stats.updated).toBe(0)

    expect((await col().doc('s1').remove()).stats.removed).toBe(1)
    expect((await col().doc('s1').remove()).stats.removed).toBe(0)
  })

  test('field() on doc and collection projects fields', async () => {
    await col().doc('p1').set({ data: { a: 1, b: 2, c: 3 } })
    expect((await col().doc('p1').field({ a: true }).get()).data).toEqual({ _id: 'p1', a: 1 })
    const list = await col().where({ _id: 'p1' }).field({ b: false, _id: false }).get()
    expect(list.data).toEqual([{ a: 1, c: 3 }])
  })
})

describe('where() queries, count and multi writes', () => {
  beforeAll(async () => {
    await col('big').add({ data: Array.from({ length: 250 }, (_, i) => ({ i, even: i % 2 === 0, group: `g${i % 5}` })) })
  })

  test('get defaults to 100 documents and limit() is capped at 1000 by the server', async () => {
    expect((await col('big').get()).data).toHaveLength(100)
    expect((await col('big').limit(1000).get()).data).toHaveLength(250)
    const raw = await rawAdmin({ action: 'database.getDocument', collectionName: 'big', queryType: 'WHERE', limit: 5000 })
    expect(raw.data.list).toHaveLength(250)
    expect(raw.data.limit).toBe(1000)
    const none = await rawAdmin({ action: 'database.getDocument', collectionName: 'big', queryType: 'WHERE' })
    expect(none.data.list).toHaveLength(100)
  })

  test('orderBy (several keys), skip, limit', async () => {
    const res = await col('big').where({ even: true }).orderBy('group', 'desc').orderBy('i', 'asc').skip(2).limit(3).get()
    expect(res.data.map((d: Any) => [d.group, d.i])).toEqual([['g4', 24], ['g4', 34], ['g4', 44]])
  })

  test('count with and without where', async () => {
    expect((await col('big').count()).total).toBe(250)
    expect((await col('big').where({ group: 'g1', i: h._.lt(100) }).count()).total).toBe(20)
  })

  test('where().update updates every match; where().remove removes every match', async () => {
    const up = await col('big').where({ group: 'g2' }).update({ data: { tagged: true, n: h._.inc(1) } })
    expect(up.stats.updated).toBe(50)
    expect((await col('big').where({ tagged: true, n: 1 }).count()).total).toBe(50)
    const single = await col('big').where({ group: 'g4' }).update({ data: { first: true }, multi: false })
    expect(single.stats.updated).toBe(1)
    expect((await col('big').where({ first: true }).count()).total).toBe(1)
    const rm = await col('big').where({ group: 'g3' }).remove()
    expect(rm.stats.removed).toBe(50)
    expect((await col('big').count()).total).toBe(200)
  })

  test('200 concurrent inc on one document are all applied (atomic)', async () => {
    await col().doc('counter').set({ data: { n: 0 } })
    await Promise.all(Array.from({ length: 200 }, () => col().doc('counter').update({ data: { n: h._.inc(1) } })))
    expect((await col().doc('counter').get()).data.n).toBe(200)
  })

  test('conditional inc (quota) never over-counts under concurrency', async () => {
    await col().doc('quota').set({ data: { used: 0, max: 10 } })
    const results = await Promise.all(Array.from({ length: 40 }, () =>
      col().where({ _id: 'quota', used: h._.lt(10) }).update({ data: { used: h._.inc(1) } })))
    expect(results.filter((r: Any) => r.stats.updated === 1)).toHaveLength(10)
    expect((await col().doc('quota').get()).data.used).toBe(10)
  })
})

describe('dates, serverDate and regular expressions', () => {
  test('Date values round-trip as Date and compare in queries', async () => {
    const at = new Date('2024-05-01T08:00:00.123Z')
    await col('dates').doc('d1').set({ data: { at, list: [new Date(0)], nested: { when: at } } })
    const got = (await col('dates').doc('d1').get()).data
    expect(got.at).toBeInstanceOf(Date)
    expect(got.at.getTime()).toBe(at.getTime())
    expect(got.list[0]).toEqual(new Date(0))
    expect(got.nested.when).toEqual(at)
    expect((await col('dates').where({ at: h._.gt(new Date('2024-01-01')) }).count()).total).toBe(1)
    expect((await col('dates').where({ at: h._.lt(new Date('2024-01-01')) }).count()).total).toBe(0)
  })

  test('db.serverDate() is stored as the server time (with offset)', async () => {
    const before = Date.now()
    await col('dates').doc('d2').set({ data: { at: h.db.serverDate(), later: h.db.serverDate({ offset: 60000 }) } })
    const got = (await col('dates').doc('d2').get()).data
    expect(got.at).toBeInstanceOf(Date)
    expect(got.at.getTime()).toBeGreaterThanOrEqual(before - 5)
    expect(got.later.getTime() - got.at.getTime()).toBe(60000)
    await col('dates').doc('d2').update({ data: { touched: h.db.serverDate() } })
    expect((await col('dates').doc('d2').get()).data.touched).toBeInstanceOf(Date)
  })

  test('JS RegExp and db.RegExp queries', async () => {
    await col('dates').add({ data: { name: 'Alice Zhang' } })
    await col('dates').add({ data: { name: 'bob li' } })
    expect((await col('dates').where({ name: /^alice/i }).get()).data).toHaveLength(1)
    expect((await col('dates').where({ name: h.db.RegExp({ regexp: 'LI$', options: 'i' }) }).get()).data).toHaveLength(1)
    expect((await col('dates').where({ name: h._.not(/alice/i) }).count()).total).toBe(3)
  })
})

describe('collections and errors', () => {
  test('operations on a missing collection fail with DATABASE_COLLECTION_NOT_EXIST (-502005)', async () => {
    const ops: (() => Promise<unknown>)[] = [
      () => col('ghost').get(),
      () => col('ghost').add({ data: { a: 1 } }),
      () => col('ghost').doc('x').update({ data: { a: 1 } }),
      () => col('ghost').where({ a: 1 }).remove(),
      () => col('ghost').count(),
    ]
    for (const op of ops) expect((await errorOf(op)).errCode).toBe(-502005)
    const agg = await errorOf(() => col('ghost').aggregate().match({}).end())
    expect(agg.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
  })

  test('db.createCollection creates once; ensureCollections is idempotent', async () => {
    await h.db.createCollection('fresh')
    expect((await col('fresh').get()).data).toEqual([])
    // node-sdk throws for createCollection errors, so wx-server-sdk keeps `code` and sets errCode -1
    expect((await errorOf(() => h.db.createCollection('fresh'))).code).toBe('DATABASE_REQUEST_FAILED')
    await h.service.ensureCollections(['fresh', 'fresh2'])
    expect((await col('fresh2').count()).total).toBe(0)
  })

  test('raw error body shape and unknown actions', async () => {
    const missing = await rawAdmin({ action: 'database.getDocument', collectionName: 'ghost' })
    expect(missing).toEqual({ code: 'DATABASE_COLLECTION_NOT_EXIST', message: expect.stringContaining('ghost'), requestId: expect.any(String) })
    const unknown = await rawAdmin({ action: 'database.frobnicate' })
    expect(unknown.code).toBe('INVALID_ACTION')
    const badEjson = await rawAdmin({ action: 'database.getDocument', collectionName: 'items', query: '{oops' })
    expect(badEjson.code).toBe('INVALID_PARAM')
  })

  test('invalid update data is rejected with CloudBase-style errors', async () => {
    await col().doc('e1').set({ data: { s: 'text', n: 1 } })
    expect((await errorOf(() => col().doc('e1').update({ data: { s: h._.inc(1) } }))).errCode).toBe(-502001)
    expect((await errorOf(() => col().doc('e1').update({ data: { n: h._.push(1) } }))).errCode).toBe(-502001)
    expect((await errorOf(() => col().add({ data: { 'a.b': 1 } }))).errCode).toBe(-501007)
    expect((await errorOf(() => col().where({ n: { $near: 1 } }).get())).errCode).toBe(-502002)
    expect((await col().doc('e1').get()).data).toEqual({ _id: 'e1', s: 'text', n: 1 })
  })
})
