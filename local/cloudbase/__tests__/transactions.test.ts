// Transactions through the SDK: startTransaction/commit/rollback, runTransaction, isolation, conflicts
// failing fast as in CloudBase (not retried by the SDK), plain writes waiting for locks, and expiry.

import { startCloudbaseService } from '../index'
import { removeTempDirs, startHarness, errorOf, tempDir, pointSdkAt, Harness, Any } from './helpers'

let h: Harness
const acc = (): Any => h.db.collection('accounts')

beforeAll(async () => {
  h = await startHarness(['accounts', 'logs'])
})
afterAll(async () => {
  await h.service.close()
  removeTempDirs()
})
beforeEach(async () => {
  await acc().doc('alice').set({ data: { balance: 100 } })
  await acc().doc('bob').set({ data: { balance: 0 } })
})

async function balance(id: string): Promise<number> {
  return (await acc().doc(id).get()).data.balance
}

test('startTransaction: get/update/set/add/remove inside, commit applies all at once', async () => {
  const tx = await h.db.startTransaction()
  const alice = await tx.collection('accounts').doc('alice').get()
  expect(alice.data).toEqual({ _id: 'alice', balance: 100 })
  await tx.collection('accounts').doc('alice').update({ data: { balance: h._.inc(-30) } })
  await tx.collection('accounts').doc('bob').update({ data: { balance: h._.inc(30) } })
  await tx.collection('accounts').doc('carol').set({ data: { balance: 5 } })
  const added = await tx.collection('logs').add({ data: { what: 'transfer' } })
  expect((await tx.collection('accounts').doc('alice').get()).data.balance).toBe(70)
  expect(await balance('alice')).toBe(100)
  expect((await h.db.collection('logs').count()).total).toBe(0)
  await tx.commit()
  expect([await balance('alice'), await balance('bob'), await balance('carol')]).toEqual([70, 30, 5])
  expect((await h.db.collection('logs').doc(added._id).get()).data.what).toBe('transfer')

  const tx2 = await h.db.startTransaction()
  expect((await tx2.collection('accounts').doc('carol').remove()).stats.removed).toBe(1)
  await tx2.commit()
  expect((await errorOf(() => acc().doc('carol').get())).errMsg).toMatch(/does not exist/)
})

test('rollback discards every write', async () => {
  const tx = await h.db.startTransaction()
  await tx.collection('accounts').doc('alice').update({ data: { balance: 0 } })
  await tx.collection('logs').add({ data: { what: 'never' } })
  await tx.rollback()
  expect(await balance('alice')).toBe(100)
  expect((await h.db.collection('logs').where({ what: 'never' }).count()).total).toBe(0)
  expect((await errorOf(() => tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
})

test('runTransaction commits the callback result; rollback(reason) rejects with the reason', async () => {
  const result = await h.db.runTransaction(async (t: Any) => {
    const a = (await t.collection('accounts').doc('alice').get()).data
    await t.collection('accounts').doc('alice').update({ data: { balance: a.balance - 10 } })
    return 'done'
  })
  expect(result).toBe('done')
  expect(await balance('alice')).toBe(90)
  const reason = await errorOf(() => h.db.runTransaction(async (t: Any) => {
    await t.collection('accounts').doc('alice').update({ data: { balance: 0 } })
    await t.rollback('not enough money')
  }))
  expect(reason).toBe('not enough money')
  expect(await balance('alice')).toBe(90)
})

test('an error thrown in the callback rolls back', async () => {
  const err = await errorOf(() => h.db.runTransaction(async (t: Any) => {
    await t.collection('accounts').doc('bob').update({ data: { balance: 999 } })
    throw new Error('business rule')
  }))
  expect(err.message).toBe('business rule')
  expect(await balance('bob')).toBe(0)
})

test('add of an existing _id inside a transaction fails; where() queries are refused', async () => {
  const dup = await errorOf(() => h.db.runTransaction(async (t: Any) => {
    await t.collection('accounts').add({ data: { _id: 'alice', balance: 1 } })
  }))
  expect(String(dup.errMsg)).toMatch(/E11000 duplicate key/)
  const tx = await h.db.startTransaction()
  expect((await errorOf(() => tx.collection('accounts').where({ balance: 0 }).get())).errCode).toBe(-501007)
  await tx.rollback()
})

test('concurrent transactions on one document: the second fails at once with the production error, none is lost', async () => {
  const t1 = await h.db.startTransaction()
  await t1.collection('accounts').doc('bob').update({ data: { balance: h._.inc(1) } })
  const t2 = await h.db.startTransaction()
  const err = await errorOf(() => t2.collection('accounts').doc('bob').get())
  await t1.commit()
  expect(err.errCode).toBe(-501001)
  expect(err.errMsg).toContain('transaction conflict')
  expect((await errorOf(() => t2.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
  expect(await balance('bob')).toBe(1)
})

test('50 concurrent runTransaction increments on one document: conflicts are not retried by the SDK, successes are exact', async () => {
  const runs = Array.from({ length: 50 }, () => h.db.runTransaction(async (t: Any) => {
    const doc = (await t.collection('accounts').doc('bob').get()).data
    await new Promise((r) => setImmediate(r))
    await t.collection('accounts').doc('bob').update({ data: { balance: doc.balance + 1 } })
  }))
  const results = await Promise.allSettled(runs)
  const succeeded = results.filter((r) => r.status === 'fulfilled').length
  expect(succeeded).toBeGreaterThan(0)
  expect(succeeded).toBeLessThan(50)
  expect(await balance('bob')).toBe(succeeded)
})

test('a plain update waits for the transaction holding the document, then applies on top of it', async () => {
  const tx = await h.db.startTransaction()
  await tx.collection('accounts').doc('alice').update({ data: { balance: h._.inc(1) } })
  h.service.resetStats()
  const plain = acc().doc('alice').update({ data: { balance: h._.inc(10) } })
  while ((h.service.stats().byAction['database.modifyDocument'] ?? 0) < 1) await new Promise((r) => setImmediate(r))
  expect(await balance('alice')).toBe(100)
  await tx.commit()
  await plain
  expect(await balance('alice')).toBe(111)
})

test('expired transactions are rolled back and their locks released', async () => {
  const dir = tempDir()
  const svc = await startCloudbaseService({ dataDir: dir, transactionTimeoutMs: 100 })
  await svc.ensureCollections(['accounts'])
  pointSdkAt(svc)
  try {
    await acc().doc('x').set({ data: { n: 1 } })
    const tx = await h.db.startTransaction()
    await tx.collection('accounts').doc('x').update({ data: { n: 2 } })
    await acc().doc('x').update({ data: { n: h._.inc(5) } })
    expect((await acc().doc('x').get()).data.n).toBe(6)
    const err = await errorOf(() => tx.commit())
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL')
  } finally {
    await svc.close()
    pointSdkAt(h.service)
  }
})
