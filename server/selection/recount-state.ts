// The recount's shared parts (recount.ts runs the passes, recount-fix.ts compares and fixes): its limits,
// the state document of a selection's repair (cursor, tally, last pass), its progress for the organiser's
// pages, and the scan for the works voted on since an instant.
import type { RecountProgress } from '../../src/contract/selection-views'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getFirst } from '../core/db'
import { scanChunk } from './ledger-scan'
import { fits, timed, type RunClock } from '../core/run-clock'

/** A claimed vote's increment lands within this long of its record's stamp, or never. */
export const SETTLE_MS = 2 * 60_000
/**
 * Per timer run or call (20 s allowed): no void-job batch is started after voidMs; no selection, vote-watch
 * chunk, ledger chunk or fix batch after budgetMs — 6 s, since what may follow (a chunk started just before,
 * 1.5–3.5 s for 5,000 ledgers on the local service at 1,000,000 votes, and a fix phase's reads of the recent
 * works and void jobs) takes several seconds more; at most chunksPerRun chunks and fixPages pages of fixPage
 * works compared; up to perWorkMax touched works are counted over their own ledgers, more start a full pass
 * (and end the scan that finds them). A fix phase needs the works voted on since its pass began; when that
 * scan has not fit in maxStalls runs in a row (many voters since a long pass began), the pass is dropped
 * and the next run starts a fresh one, whose scan is short — a pass is never stuck for good, and once
 * voting has closed a fresh pass always finishes. Tests lower them to force a pass across several runs.
 */
export const recountPass = { budgetMs: 6000, voidMs: 3000, chunksPerRun: 1000, fixPages: 10, fixPage: 1000, perWorkMax: 20, maxStalls: 3 }

/** workId → [records, voided records, newest stamp]. */
export type Tally = Record<string, [number, number, number]>

export interface FullPass {
  t0: number
  /** A pass over the ledgers of these works only (the few touched since the last cutoff). */
  works?: string[]
  phase: 'count' | 'fix'
  /** The last ledger _id counted ('' before the first chunk). */
  after: string
  scanned: number
  total: number
  /** The last work _id compared ('' before the first). */
  fixAfter: string
  checked: number
  fixed: number
  busy: number
  /** Runs in a row whose scan for the works voted on since t0 − SETTLE_MS started and could not finish. */
  stalls?: number
}

export interface LastPass {
  finishedAt: string
  checked: number
  fixed: number
  busy: number
  total: number
}

export interface RecountState {
  _id: string
  /** Records stamped up to this instant (epoch ms) have been looked at. */
  upTo: number
  pass?: FullPass
  tally?: Tally
  last?: LastPass
}

export const statesOf = (ctx: Ctx) => ctx.db.collection(COLLECTIONS.selectionRecounts)

/** The works with a record stamped after `since`, each with its newest stamp: read once per run and carried. */
export interface Recent {
  since: number
  works: Map<string, number>
}

/**
 * The works with a record stamped after `since`, a ledger chunk at a time while the run's clock allows;
 * null when the scan stopped early — more than `max` works seen, or the next chunk would not fit — so a
 * run never spends its time on one unbounded scan (after an outage, or when many voters voted since).
 */
export async function recentWorks(ctx: Ctx, clock: RunClock, selectionId: string, since: number, max = Number.POSITIVE_INFINITY): Promise<Recent | null> {
  const _ = ctx.db.command
  const works = new Map<string, number>()
  let after: string | undefined
  for (;;) {
    if (!fits(clock)) return null
    const from = after
    const chunk = await timed(clock, () => scanChunk<{ _id: string; last: number }>(ctx.db, selectionId, { t: _.gt(since), 'votes.t': _.gt(since) }, (p) =>
      p.unwind('$votes').match({ 'votes.t': _.gt(since) }).group({ _id: '$votes.w', last: _.aggregate.max('$votes.t') }).limit(1_000_000), from))
    for (const g of chunk.rows) works.set(g._id, Math.max(works.get(g._id) ?? 0, g.last))
    if (works.size > max) return null
    if (chunk.last === null) return { since, works }
    after = chunk.last
  }
}

/** The carried works stamped after `since` (`since` not before the read's own). */
export const touchedSince = (recent: Recent, since: number) => [...recent.works].filter(([, last]) => last > since).map(([w]) => w)

export interface RecountTally {
  checked: number
  fixed: number
  busy: number
}

export const progressOf = (state: Pick<RecountState, 'pass' | 'last'> | null): RecountProgress => ({
  running: Boolean(state?.pass),
  scanned: state?.pass?.scanned ?? 0,
  total: state?.pass?.total ?? 0,
  ...(state?.last ? { finishedAt: state.last.finishedAt } : {}),
})

/** The recount's progress for the organiser's pages (the tally itself is not read). */
export async function recountProgress(ctx: Ctx, selectionId: string): Promise<RecountProgress> {
  return progressOf(await getFirst<RecountState>(statesOf(ctx).where({ _id: selectionId }).field({ pass: true, last: true }).limit(1)))
}
