// What checking each written document against MongoDB's 16 MB limit costs on the local service's write
// path, service side (no HTTP, no fsync): inserts and updates of a sign-up-sized document, and pushes
// onto a vote ledger holding 5,000 votes (≈ 0.3 MB), through the database.* handlers with the EJSON
// strings the SDK sends. Run: npx tsx bench/cloudbase-write-size.ts
import fs from 'fs'
import os from 'os'
import path from 'path'
import { calculateObjectSize } from 'bson'
import { Store } from '../local/cloudbase/store'
import { TransactionManager } from '../local/cloudbase/transactions'
import { createDatabaseHandlers } from '../local/cloudbase/database'

const SMALL = 20_000
const LEDGER_PUSHES = 500

function signUp(i: number) {
  return { openid: `o${i}`, slotId: `s${i % 50}`, name: '张三', phone: '13800000000', childAge: 4, status: 'confirmed', createdAt: { $date: { $numberLong: String(1_700_000_000_000 + i) } }, note: '' }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-write-size-'))
  const store = await Store.open(dir, { fsync: false })
  const txm = new TransactionManager(store)
  store.createCollection('signups')
  store.createCollection('ledgers')
  const h = createDatabaseHandlers(store, txm)
  const call = async (action: string, params: Record<string, unknown>) => {
    const handler = h[action]
    if (!handler) throw new Error(action)
    return handler(params, Date.now())
  }
  const now = () => performance.now()

  let t = now()
  for (let i = 0; i < SMALL; i += 1) {
    await call('database.insertDocument', { collectionName: 'signups', data: [JSON.stringify({ _id: `d${i}`, ...signUp(i) })] })
  }
  const insertMs = now() - t

  t = now()
  for (let i = 0; i < SMALL; i += 1) {
    await call('database.modifyDocument', { collectionName: 'signups', query: JSON.stringify({ _id: `d${i}` }), data: JSON.stringify({ $inc: { childAge: 1 } }), multi: false, merge: true })
  }
  const updateMs = now() - t

  const votes = Array.from({ length: 5000 }, (_, i) => ({ o: `openid-${i}-xxxxxxxxxxxxxxxx`, t: 1_700_000_000_000 + i }))
  await call('database.insertDocument', { collectionName: 'ledgers', data: [JSON.stringify({ _id: 'L', votes })] })
  t = now()
  for (let i = 0; i < LEDGER_PUSHES; i += 1) {
    await call('database.modifyDocument', { collectionName: 'ledgers', query: JSON.stringify({ _id: 'L' }), data: JSON.stringify({ $push: { votes: { $each: [{ o: `n${i}`, t: i }], $slice: -5000 } } }), multi: false, merge: true })
  }
  const ledgerMs = now() - t
  const ledger = store.get('ledgers', 'L')
  if (!ledger) throw new Error('ledger missing')
  const sizeOnly = now()
  for (let i = 0; i < LEDGER_PUSHES; i += 1) calculateObjectSize(ledger)
  const ledgerSizeMs = now() - sizeOnly

  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
  const per = (ms: number, n: number) => `${((ms / n) * 1000).toFixed(1)} µs`
  console.log(`insert (sign-up doc)      ${SMALL}: ${Math.round(insertMs)} ms, ${per(insertMs, SMALL)} each`)
  console.log(`update $inc by _id        ${SMALL}: ${Math.round(updateMs)} ms, ${per(updateMs, SMALL)} each`)
  console.log(`$push on a 5,000-vote ledger (${calculateObjectSize(ledger)} B BSON) ${LEDGER_PUSHES}: ${Math.round(ledgerMs)} ms, ${per(ledgerMs, LEDGER_PUSHES)} each; calculateObjectSize alone ${per(ledgerSizeMs, LEDGER_PUSHES)}`)
}

void main()
