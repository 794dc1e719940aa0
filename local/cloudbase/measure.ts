// Reproduces the figures in README.md: the store choice (this JSONL store vs @seald-io/nedb) and
// end-to-end request rates through the real wx-server-sdk. Run: npx tsx local/cloudbase/measure.ts

import type { DB } from 'wx-server-sdk'
import fs from 'fs'
import os from 'os'
import path from 'path'
import Datastore from '@seald-io/nedb'
import { Store } from './store'
import { startCloudbaseService, sdkEnv } from './index'

const N = 5000
const dirs: string[] = []
const tmp = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-measure-'))
  dirs.push(dir)
  return dir
}
const rate = (count: number, ms: number): number => Math.round((count / Math.max(ms, 1)) * 1000)

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

async function measureNedb(): Promise<void> {
  const file = path.join(tmp(), 'c.db')
  const ds = new Datastore({ filename: file })
  await ds.loadDatabaseAsync()
  const insert = await time(async () => {
    for (let i = 0; i < N; i += 1) await ds.insertAsync({ _id: `id${i}`, n: 0, name: 'x'.repeat(100), at: new Date() })
  })
  const update = await time(async () => {
    for (let i = 0; i < N; i += 1) await ds.updateAsync({ _id: `id${i % 100}` }, { $inc: { n: 1 } })
  })
  const reload = await time(() => new Datastore({ filename: file }).loadDatabaseAsync())
  console.log(`nedb:  insert ${rate(N, insert)}/s, update-by-_id ${rate(N, update)}/s (awaited one by one), reload ${reload.toFixed(0)} ms`)
}

async function measureStore(): Promise<void> {
  const dir = tmp()
  let store = await Store.open(dir)
  store.createCollection('c')
  const insert = await time(() => {
    for (let i = 0; i < N; i += 1) store.apply([{ c: 'c', put: { _id: `id${i}`, n: 0, name: 'x'.repeat(100), at: new Date() } }])
  })
  const update = await time(() => {
    for (let i = 0; i < N; i += 1) {
      const doc = store.get('c', `id${i % 100}`)
      if (doc) store.apply([{ c: 'c', put: { ...doc, n: Number(doc.n) + 1 } }])
    }
  })
  store.close()
  const reload = await time(async () => {
    store = await Store.open(dir)
  })
  store.close()
  console.log(`store: insert ${rate(N, insert)}/s, update-by-_id ${rate(N, update)}/s (each written before returning), reload ${reload.toFixed(0)} ms`)
}

async function measureSdk(): Promise<void> {
  const service = await startCloudbaseService({ dataDir: tmp() })
  await service.ensureCollections(['bench'])
  Object.assign(process.env, sdkEnv(service))
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only after sdkEnv() is in process.env
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database()
  const _ = db.command
  const col = db.collection('bench')
  await col.doc('hot').set({ data: { n: 0 } })
  const M = 500
  const adds = await time(async () => {
    for (let i = 0; i < M; i += 1) await col.add({ data: { i, at: new Date() } })
  })
  const gets = await time(async () => {
    for (let i = 0; i < M; i += 1) await col.doc('hot').get()
  })
  const incs = await time(() => Promise.all(Array.from({ length: M }, () => col.doc('hot').update({ data: { n: _.inc(1) } }))))
  const query = await time(async () => {
    for (let i = 0; i < 100; i += 1) await col.where({ i: _.gte(250) }).orderBy('i', 'desc').limit(100).get()
  })
  let committed = 0
  const txns = await time(async () => {
    const settled = await Promise.allSettled(Array.from({ length: 50 }, () => db.runTransaction(async (t: DB.Database) => {
      const cur = (await t.collection('bench').doc('hot').get()) as unknown as { data: { n: number } }
      await t.collection('bench').doc('hot').update({ data: { n: cur.data.n + 1 } })
    })))
    committed = settled.filter((r) => r.status === 'fulfilled').length
  })
  console.log(`sdk:   add ${rate(M, adds)}/s, doc.get ${rate(M, gets)}/s (sequential); ${M} concurrent inc ${incs.toFixed(0)} ms; `
    + `where+orderBy+limit(100) over ${M} docs ${(query / 100).toFixed(1)} ms each; 50 concurrent runTransaction on one document ${txns.toFixed(0)} ms (${committed} committed, the rest failed fast as in CloudBase)`)
  await service.close()
}

async function main(): Promise<void> {
  await measureNedb()
  await measureStore()
  await measureSdk()
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
}

void main()
