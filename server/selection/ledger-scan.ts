// Aggregations over a selection's vote ledgers in chunks of ledgerScan.chunk ledgers (by _id range), so each
// database request stays small and within the platform's request time limit however many voters there
// are. Each chunk costs two requests: finding the chunk's last _id, then the aggregation itself; the
// caller merges the per-chunk groups.
import type { DB } from 'wx-server-sdk'
import { getFirst } from '../core/db'
import { ballotsOf } from './ballots'

/** Ledgers per chunk; tests lower it to exercise the chunking. */
export const ledgerScan = { chunk: 5000 }

export type Pipeline = ReturnType<ReturnType<DB.Database['collection']>['aggregate']>

/** One chunk: the ledgers after `after` (from the first when undefined); `last` is null when it was the final chunk. */
export async function scanChunk<T>(
  db: DB.Database,
  selectionId: string,
  match: Record<string, unknown>,
  stages: (pipeline: Pipeline) => Pipeline,
  after: string | undefined,
): Promise<{ rows: T[]; last: string | null }> {
  const _ = db.command
  const from = after === undefined ? {} : { _id: _.gt(after) }
  const boundary = await getFirst<{ _id: string }>(
    ballotsOf(db).where({ selectionId, ...match, ...from }).orderBy('_id', 'asc').skip(ledgerScan.chunk - 1).field({ _id: true }).limit(1),
  )
  const upTo = boundary ? _.lte(boundary._id) : undefined
  const idRange = after !== undefined && upTo ? _.gt(after).and(upTo) : after !== undefined ? _.gt(after) : upTo
  const res = (await stages(ballotsOf(db).aggregate().match({ selectionId, ...match, ...(idRange ? { _id: idRange } : {}) })).end()) as { list?: T[] }
  return { rows: res.list ?? [], last: boundary?._id ?? null }
}

export async function scanLedgers<T>(
  db: DB.Database,
  selectionId: string,
  match: Record<string, unknown>,
  stages: (pipeline: Pipeline) => Pipeline,
): Promise<T[]> {
  const out: T[] = []
  let after: string | undefined
  for (;;) {
    const chunk = await scanChunk<T>(db, selectionId, match, stages, after)
    out.push(...chunk.rows)
    if (chunk.last === null) return out
    after = chunk.last
  }
}
