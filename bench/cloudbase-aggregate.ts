// Service-side cost of reads in the local CloudBase-compatible service (local/cloudbase) on a
// 20,000-document collection, at the action-handler level (no HTTP, no SDK, so only the service's own
// work is timed): an aggregate whose leading $match selects 100 documents before a $group, 1,000
// where().get() queries with changing values, 1,000 counts and 1,000 doc(id).get() calls.
// Standalone: npx tsx bench/cloudbase-aggregate.ts (also part of `npm run bench`). openBenchService is
// shared with cloudbase-ledger-scan.ts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Store } from '../local/cloudbase/store'
import { TransactionManager } from '../local/cloudbase/transactions'
import { createDatabaseHandlers } from '../local/cloudbase/database'
import { stringifyEJSON } from '../local/cloudbase/ejson'

const DOCS = 20_000
const GROUPS = 200
const QUERIES = 1_000
const AGGREGATES = 20

const ledger = (i: number): Record<string, unknown> => ({
  _id: `led-${String(i).padStart(6, '0')}`,
  selectionId: `sel-${i % GROUPS}`,
  openid: `user-${i}`,
  firstDay: '2022-11-01',
  votes: Array.from({ length: 8 }, (_, k) => ({ w: `w-${(i + k) % 500}`, t: 1_667_000_000_000 + i * 1000 + k, d: '2022-11-02', k: `${i}-${k}` })),
  at: new Date(1_667_000_000_000 + i * 1000),
})

async function timeMs(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  await fn(0)
  const start = process.hrtime.bigint()
  for (let i = 0; i < runs; i += 1) await fn(i)
  return Number(process.hrtime.bigint() - start) / 1e6 / runs
}

export interface BenchService {
  store: Store
  call(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>>
  close(): void
}

/** The service's action handlers over a fresh store on a temp dir, with `collection` created. */
export async function openBenchService(collection: string): Promise<BenchService> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cb-'))
  const store = await Store.open(dir)
  const txm = new TransactionManager(store)
  store.createCollection(collection)
  const actions = createDatabaseHandlers(store, txm)
  return {
    store,
    async call(action, params) {
      const handler = actions[action]
      if (!handler) throw new Error(`no handler ${action}`)
      return handler({ collectionName: collection, ...params }, Date.now())
    },
    close() {
      txm.closeAll()
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const stage = (key: string, value: unknown) => ({ stageKey: key, stageValue: stringifyEJSON(value) })

export async function cloudbaseReadFigures(): Promise<Array<[string, string]>> {
  const { store, call, close } = await openBenchService('ballots')
  try {
    for (let i = 0; i < DOCS; i += 1000) {
      store.apply(Array.from({ length: 1000 }, (_, k) => ({ c: 'ballots', put: ledger(i + k) as { _id: string } })))
    }
    const listOf = (res: Record<string, unknown>): unknown[] => (res.data as { list: unknown[] }).list

    const aggregate = (i: number) => call('database.aggregateDocuments', {
      stages: [
        stage('$match', { selectionId: `sel-${i % GROUPS}` }),
        stage('$unwind', '$votes'),
        stage('$group', { _id: '$votes.w', n: { $sum: 1 } }),
        stage('$sort', { n: -1, _id: 1 }),
        stage('$limit', 10),
      ],
    })
    const first = listOf(await aggregate(17))
    if (first.length !== 10) throw new Error(`aggregate gave ${first.length} rows`)
    const where = (i: number) => call('database.getDocument', {
      query: stringifyEJSON({ selectionId: `sel-${i % GROUPS}`, at: { $gte: new Date(1_667_000_000_000 + i * 10) } }),
      order: stringifyEJSON({ at: 'desc' }),
      limit: 20,
    })
    if (listOf(await where(3)).length !== 20) throw new Error('where gave the wrong count')
    const count = (i: number) => call('database.calculateDocument', { query: stringifyEJSON({ selectionId: `sel-${i % GROUPS}` }) })
    const byId = (i: number) => call('database.getDocument', { query: stringifyEJSON({ _id: ledger((i * 7919) % DOCS)._id }) })

    const fmt = (ms: number): string => `${ms.toFixed(3)} ms/op`
    return [
      [`aggregate: leading $match (100 of ${DOCS}) + $unwind + $group + $sort`, fmt(await timeMs(AGGREGATES, aggregate))],
      [`where().orderBy().limit(20).get() over ${DOCS} docs, ${QUERIES} filters`, fmt(await timeMs(QUERIES, where))],
      [`where().count() over ${DOCS} docs, ${QUERIES} filters`, fmt(await timeMs(QUERIES, count))],
      [`doc(id).get(), ${QUERIES} ids`, fmt(await timeMs(QUERIES, byId))],
    ]
  } finally {
    close()
  }
}

if (require.main === module) {
  cloudbaseReadFigures().then((rows) => {
    const width = Math.max(...rows.map(([k]) => k.length))
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
  }, (error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
