// Exact vote counts recomputed from the vote records (the ledgers), for voiding and for publishing
// results. A work's `votes` is its accepted records minus the voided ones; `voided` its voided records.
import type { DB } from 'wx-server-sdk'
import type { Work } from '../../src/contract/selection'
import { getFirst, updated } from '../core/db'
import { scanChunk, type Pipeline } from './ledger-scan'
import { worksOf } from './works'

export interface RecordCount {
  all: number
  voided: number
  /** Records voided by the void job `ref` (when counted with one). */
  mine?: number
  /** The newest record's stamp (epoch ms); 0 when there is none. */
  last: number
}

interface Counted extends RecordCount {
  _id: string
}

const NO_RECORDS: RecordCount = { all: 0, voided: 0, last: 0 }

const countStages = (db: DB.Database, works?: string | string[], ref?: string) => (p: Pipeline): Pipeline => {
  const $ = db.command.aggregate
  const unwound = p.unwind('$votes')
  const mine = ref ? { mine: $.sum($.cond({ if: $.eq(['$votes.r', ref]), then: 1, else: 0 })) } : {}
  return (works === undefined ? unwound : unwound.match({ 'votes.w': typeof works === 'string' ? works : db.command.in(works) }))
    .group({ _id: '$votes.w', all: $.sum(1), voided: $.sum($.cond({ if: $.eq(['$votes.v', 1]), then: 1, else: 0 })), last: $.max('$votes.t'), ...mine })
    .limit(1_000_000)
}

/** The per-work counts (of the given works only, when given) of one chunk of ledgers (those after `after`); `last` is null after the final chunk. */
export async function recordCountsChunk(db: DB.Database, selectionId: string, after: string | undefined, works?: string[]): Promise<{ rows: Array<RecordCount & { _id: string }>; last: string | null }> {
  return scanChunk<Counted>(db, selectionId, works ? { 'votes.w': db.command.in(works) } : {}, countStages(db, works), after)
}

/** One chunk of a work's records' counts (with those of void job `ref`): the ledgers after `after`; `last` is null after the final chunk. */
export async function workCountsChunk(db: DB.Database, selectionId: string, workId: string, ref: string, after: string | undefined): Promise<{ count: RecordCount; last: string | null }> {
  const chunk = await scanChunk<Counted>(db, selectionId, { 'votes.w': workId }, countStages(db, workId, ref), after)
  const row = chunk.rows.find((r) => r._id === workId)
  return { count: row ? { all: row.all, voided: row.voided, last: row.last, mine: row.mine ?? 0 } : { ...NO_RECORDS, mine: 0 }, last: chunk.last }
}

/**
 * Brings a work's counts in line with its records. While votes may still arrive, only the voided part is
 * applied, as a delta guarded by the previous `voided` value (voided records never change back and new
 * votes only add, so this stays exact under concurrent voting); once voting is over both are set outright.
 */
export async function applyCounts(db: DB.Database, workId: string, exact: RecordCount, votingOpen: boolean): Promise<Pick<Work, 'votes' | 'voided'>> {
  const _ = db.command
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const current = await getFirst<Pick<Work, 'votes' | 'voided'>>(worksOf(db).where({ _id: workId }).field({ votes: true, voided: true }).limit(1))
    if (!current) throw new Error(`work ${workId} vanished`)
    const target = { votes: exact.all - exact.voided, voided: exact.voided }
    if (!votingOpen) {
      if (current.votes !== target.votes || current.voided !== target.voided) await worksOf(db).doc(workId).update({ data: target })
      return target
    }
    const delta = exact.voided - current.voided
    if (delta === 0) return current
    if (await updated(worksOf(db).where({ _id: workId, voided: current.voided }).update({ data: { voided: exact.voided, votes: _.inc(-delta) } }))) return { votes: current.votes - delta, voided: exact.voided }
  }
  throw new Error(`counts of ${workId} kept changing`)
}
