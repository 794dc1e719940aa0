// Transactions through the SDK: startTransaction/commit/rollback, runTransaction (incl. retries and
// concurrency on one document), isolation, locking against plain writes, deadlocks and expiry.

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

test('50 concurrent runTransaction increments on one document are exact', async () => {
  const runs = Array.from({ length: 50 }, () => h.db.runTransaction(async (t: Any) => {
    const doc = (await t.collection('accounts').doc('bob').get()).data
    await t.collection('accounts').doc('bob').update({ data: { balance: doc.balance + 1 } })
  }))
  await Promise.all(runs)
  expect(await balance('bob')).toBe(50)
})

test('opposite-order transfers deadlock, conflict at commit, and are retried by runTransaction', async () => {
  let attempts = 0
  const transfer = (from: string, to: string): Promise<unknown> => h.db.runTransaction(async (t: Any) => {
    attempts += 1
    const a = (await t.collection('accounts').doc(from).get()).data
    await new Promise((r) => setTimeout(r, 2))
    await t.collection('accounts').doc(from).update({ data: { balance: a.balance - 1 } })
    await t.collection('accounts').doc(to).update({ data: { balance: h._.inc(1) } })
  }, 10)
  const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => (i % 2 ? transfer('alice', 'bob') : transfer('bob', 'alice'))))
  expect(results.filter((r) => r.status === 'rejected')).toEqual([])
  expect(attempts).toBeGreaterThan(20)
  expect([await balance('alice'), await balance('bob')]).toEqual([100, 0])
})

test('a plain update waits for the transaction holding the document', async () => {
  const tx = await h.db.startTransaction()
  await tx.collection('accounts').doc('alice').update({ data: { balance: h._.inc(1) } })
  let plainDone = false
  const plain = acc().doc('alice').update({ data: { balance: h._.inc(10) } }).then(() => { plainDone = true })
  await new Promise((r) => setTimeout(r, 50))
  expect(plainDone).toBe(false)
  expect(await balance('alice')).toBe(100)
  await tx.commit()
  await plain
  expect(await balance('alice')).toBe(111)
})

test('deadlock: the transaction that closes the cycle fails at commit with DATABASE_TRANSACTION_CONFLICT', async () => {
  const t1 = await h.db.startTransaction()
  const t2 = await h.db.startTransaction()
  await t1.collection('accounts').doc('alice').get()
  await t2.collection('accounts').doc('bob').get()
  const t1Waits = t1.collection('accounts').doc('bob').update({ data: { balance: 1 } })
  await t2.collection('accounts').doc('alice').update({ data: { balance: 2 } })
  await t1Waits
  await t1.commit()
  const err = await errorOf(() => t2.commit())
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect([await balance('alice'), await balance('bob')]).toEqual([100, 1])
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
