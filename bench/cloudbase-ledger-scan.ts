// The vote-watch read pattern (server/selection/ledger-scan.ts + watch.ts) against the local
// CloudBase-compatible service's action handlers, without HTTP or the SDK: 50,000 vote ledgers holding
// 1,000,000 votes, scanned in chunks of 5,000 by `_id` range, each chunk a boundary `where` (skip to the
// chunk's last _id) and an aggregate (leading $match, $unwind, $match, $project, $group).
// Standalone: npx tsx bench/cloudbase-ledger-scan.ts (also part of `npm run bench`).
import { openBenchService, stage } from './cloudbase-aggregate'
import { stringifyEJSON } from '../local/cloudbase/ejson'

const VOTERS = 50_000
const VOTES = 20
const CHUNK = 5_000
const NOW = 1_700_000_000_000
const DAY = 86_400_000

const ledger = (n: number) => ({
  _id: `sel_voter-${String(n).padStart(6, '0')}`, selectionId: 'sel', voter: `voter-${n}`, firstDay: '2023-11-05', days: {},
  votes: Array.from({ length: VOTES }, (_, k) => ({ k: `b${n}-${k}`, w: `w${(n * 7 + k * 13) % 10_000}`, t: NOW - ((n * 131 + k * 43_211) % 864_000) * 1000, d: '2023-11-05' })),
})

export async function ledgerScanFigure(): Promise<Array<[string, string]>> {
  const { store, call, close } = await openBenchService('selectionBallots')
  try {
    for (let v = 0; v < VOTERS; v += 1000) store.apply(Array.from({ length: 1000 }, (_, i) => ({ c: 'selectionBallots', put: ledger(v + i) })))
    const inRange = { $gte: NOW - DAY, $lt: NOW }
    const started = process.hrtime.bigint()
    let after: string | undefined
    let chunks = 0
    let groups = 0
    for (;;) {
      const from = after === undefined ? {} : { _id: { $gt: after } }
      const res = await call('database.getDocument', {
        query: stringifyEJSON({ selectionId: 'sel', 'votes.t': inRange, ...from }),
        order: stringifyEJSON({ _id: 'asc' }), offset: CHUNK - 1, limit: 1, projection: stringifyEJSON({ _id: true }),
      })
      const [line] = (res.data as { list: string[] }).list
      const boundary = line === undefined ? undefined : (JSON.parse(line) as { _id: string })._id
      const idRange = { ...(after === undefined ? {} : { $gt: after }), ...(boundary === undefined ? {} : { $lte: boundary }) }
      const agg = await call('database.aggregateDocuments', {
        stages: [
          stage('$match', { selectionId: 'sel', 'votes.t': inRange, ...(Object.keys(idRange).length ? { _id: idRange } : {}) }),
          stage('$unwind', '$votes'),
          stage('$match', { 'votes.t': inRange, 'votes.v': { $exists: false } }),
          stage('$project', { w: '$votes.w', b: { $floor: { $divide: [{ $subtract: ['$votes.t', inRange.$gte] }, 3_600_000] } } }),
          stage('$group', { _id: { w: '$w', b: '$b' }, n: { $sum: 1 } }),
          stage('$limit', 1_000_000),
        ],
      })
      groups += (agg.data as { list: unknown[] }).list.length
      chunks += 1
      if (boundary === undefined) break
      after = boundary
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    return [[`vote-watch scan: ${VOTERS} ledgers / ${VOTERS * VOTES} votes, ${chunks} chunks of ${CHUNK}`, `${(ms / 1000).toFixed(1)} s (${groups} work-hour groups)`]]
  } finally {
    close()
  }
}

if (require.main === module) {
  ledgerScanFigure().then((rows) => {
    for (const [k, v] of rows) console.log(`${k}  ${v}`)
  }, (error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
