// isDuplicateKey, the signal every idempotent retry relies on: CloudBase's error code decides first
// (DATABASE_DUPLICATE_WRITE as node-sdk reports it, with any message), the message is the fallback (what
// wx-server-sdk keeps of the same failure), and other database failures are not mistaken for it. The
// last test inserts an existing _id through the real wx-server-sdk against the local service.
import { isDuplicateKey } from '../db'
import { startHarness, type Harness } from '../../__tests__/harness'

test.each([
  ['node-sdk: the code, whatever the message', { code: 'DATABASE_DUPLICATE_WRITE', message: 'database duplicate write' }],
  ['the code as errCode', { errCode: 'DATABASE_DUPLICATE_WRITE', errMsg: '' }],
  ['the code on an Error', Object.assign(new Error('write failed'), { code: 'DATABASE_DUPLICATE_WRITE' })],
  ['MongoDB\'s numeric code', { code: 11000, message: 'dup' }],
  ['wx-server-sdk: the code lost, the E11000 message kept', Object.assign(new Error('collection.add:fail -501001 resource system error. E11000 duplicate key error collection: x index: _id_ dup key: { _id: "a" }'), { errCode: -501001 })],
  ['wx-server-sdk: the code\'s name in the message', { errCode: -501001, errMsg: 'collection.add:fail -501001 resource system error. [DATABASE_DUPLICATE_WRITE] index key duplicate' }],
])('a duplicate key: %s', (_name, error) => {
  expect(isDuplicateKey(error)).toBe(true)
})

test.each([
  ['a generic request failure', { errCode: -502001, errMsg: 'collection.update:fail -502001 database request fail. Cannot apply $inc to a value of non-numeric type' }],
  ['a transaction conflict', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' }],
  ['nothing', undefined],
])('not a duplicate key: %s', (_name, error) => {
  expect(isDuplicateKey(error)).toBe(false)
})

describe('through the real SDK', () => {
  let h: Harness
  beforeAll(async () => { h = await startHarness({ seed: false }) })
  afterAll(() => h.close())

  const failure = async (write: () => unknown): Promise<unknown> => {
    try {
      await write()
      return null
    } catch (error) {
      return error
    }
  }

  test('inserting an existing _id is recognised; a failed update is not', async () => {
    await h.db.collection('clinicOutbox').add({ data: { _id: 'same', body: 'a' } })
    const duplicate = await failure(() => h.db.collection('clinicOutbox').add({ data: { _id: 'same', body: 'b' } }))
    expect(isDuplicateKey(duplicate)).toBe(true)
    const badUpdate = await failure(() => h.db.collection('clinicOutbox').doc('same').update({ data: { body: h.db.command.inc(1) } }))
    expect(badUpdate).not.toBeNull()
    expect(isDuplicateKey(badUpdate)).toBe(false)
  })
})
