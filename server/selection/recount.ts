// Vote-count repair. A vote claims its ledger record first and increments the work's `votes` second; a
// crash in between leaves the work one vote short of its valid ballots. recountVotes brings every work
// touched since the last run back to its ballots: run every 10 minutes by the timer trigger
// `selectionRecount` (cloudfunctions/selection/config.json), or by an organiser for one selection (all
// its works). It also finishes void jobs a crash left half done (void.ts). Results are computed from the
// ballots themselves when they are published, whatever the counters say.
//
// Why a repair never undoes a live vote: each work's counters are read BEFORE its records are counted,
// and the fix is a compare-and-set on the values read. An increment landing after the read changes them
// and the fix does not apply (the next run retries). A vote whose record was claimed before the read and
// whose increment has not landed yet is recent: a work with a record stamped less than SETTLE_MS ago is
// left alone (its records fall in the next run's window), since the increment is sent within seconds of
// the claim — the same bound on late writes as the clinic's hold repair.
//
// Bounded: the timer looks only at records stamped since the previous run's cutoff (one chunked scan of
// the ledgers holding such records), reads the touched works' counters (one request per 1,000) and
// counts their records — per work when few were touched, else in one chunked pass over the selection's
// ledgers (2 requests per ledgerScan.chunk ledgers) — then writes only the works that differ. The same
// run brings each selection's vote-watch hours up to date (watch-buckets.ts), within a time budget.
import type { RecountRun } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import type { Selection } from '../../src/contract/selection'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, updated } from '../core/db'
import { SELECTION_NOT_FOUND, loadSelection } from '../shared/selection-config'
import { NO_RECORDS, recordCounts, type RecordCount } from './counts'
import { scanLedgers } from './ledger-scan'
import { requireOrganiser } from '../shared/staff-roles'
import { resumeVoidJobs } from './void'
import { worksOf } from './works'
import { advanceWatch, watchTimer } from './watch-buckets'

/** A claimed vote's increment lands within this long of its record's stamp, or never. */
export const SETTLE_MS = 2 * 60_000
/** Up to this many touched works are counted one by one; more, and the selection is counted in one pass. */
const PER_WORK_MAX = 20
const PAGE = 1000

interface Counters {
  _id: string
  votes: number
  voided: number
}

interface RecountState {
  _id: string
  /** Records stamped up to this instant (epoch ms) have been looked at. */
  upTo: number
}

const statesOf = (ctx: Ctx) => ctx.db.collection(COLLECTIONS.selectionRecounts)

async function countersOf(ctx: Ctx, selectionId: string, workIds: string[] | null): Promise<Counters[]> {
  const _ = ctx.db.command
  const out: Counters[] = []
  if (workIds) {
    for (let i = 0; i < workIds.length; i += PAGE) {
      out.push(...await getDocs<Counters>(worksOf(ctx.db).where({ _id: _.in(workIds.slice(i, i + PAGE)), selectionId }).field({ _id: true, votes: true, voided: true }).limit(PAGE)))
    }
    return out
  }
  for (;;) {
    const after = out[out.length - 1]?._id
    const page = await getDocs<Counters>(
      worksOf(ctx.db).where({ selectionId, ...(after === undefined ? {} : { _id: _.gt(after) }) }).orderBy('_id', 'asc').field({ _id: true, votes: true, voided: true }).limit(PAGE),
    )
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

async function touchedWorks(ctx: Ctx, selectionId: string, since: number): Promise<string[]> {
  const _ = ctx.db.command
  const groups = await scanLedgers<{ _id: string }>(ctx.db, selectionId, { 'votes.t': _.gt(since) }, (p) =>
    p.unwind('$votes').match({ 'votes.t': _.gt(since) }).group({ _id: '$votes.w' }).limit(1_000_000))
  return [...new Set(groups.map((g) => g._id))]
}

export interface RecountTally {
  checked: number
  fixed: number
  busy: number
}

/** Brings the given works (null: all of the selection's) to their ballots; counters are read before records. */
export async function recountWorks(ctx: Ctx, selectionId: string, workIds: string[] | null): Promise<RecountTally> {
  const tally: RecountTally = { checked: 0, fixed: 0, busy: 0 }
  if (workIds && workIds.length === 0) return tally
  const counters = await countersOf(ctx, selectionId, workIds)
  let counts: Map<string, RecordCount>
  if (workIds && workIds.length <= PER_WORK_MAX) {
    counts = new Map()
    for (const id of workIds) counts.set(id, (await recordCounts(ctx.db, selectionId, id)).get(id) ?? NO_RECORDS)
  } else {
    counts = await recordCounts(ctx.db, selectionId)
  }
  const settled = ctx.now().getTime() - SETTLE_MS
  for (const work of counters) {
    tally.checked += 1
    const exact = counts.get(work._id) ?? NO_RECORDS
    const target = { votes: exact.all - exact.voided, voided: exact.voided }
    if (work.votes === target.votes && work.voided === target.voided) continue
    if (exact.last > settled) {
      tally.busy += 1
      continue
    }
    const fixed = await updated(worksOf(ctx.db).where({ _id: work._id, votes: work.votes, voided: work.voided }).update({ data: target }))
    if (fixed) tally.fixed += 1
    else tally.busy += 1
  }
  return tally
}

/** One timer step for a selection: the works with records stamped since the last run's cutoff. */
export async function recountSince(ctx: Ctx, selection: Selection): Promise<RecountTally> {
  const state = await getFirst<RecountState>(statesOf(ctx).where({ _id: selection._id }).limit(1))
  const cutoff = ctx.now().getTime() - SETTLE_MS
  const touched = await touchedWorks(ctx, selection._id, state?.upTo ?? 0)
  const tally = await recountWorks(ctx, selection._id, touched)
  await statesOf(ctx).doc(selection._id).set({ data: { upTo: cutoff } })
  return tally
}

async function votingSelections(ctx: Ctx): Promise<Selection[]> {
  const now = ctx.now().getTime()
  const open = await getDocs<Selection>(ctx.db.collection(COLLECTIONS.selections).where({ results: ctx.db.command.exists(false) }).limit(100))
  return open.filter((s) => Date.parse(s.windows.voteFrom) <= now)
}

export async function recountVotes(input: { selectionId?: string }, ctx: Ctx): Promise<Result<RecountRun>> {
  if (ctx.trigger !== 'timer') {
    const role = await requireOrganiser(ctx)
    if (!role.ok) return role
    if (!input.selectionId) return fail('INVALID_INPUT', '请选择要核对票数的评选', [{ path: 'selectionId', message: '请选择要核对票数的评选' }])
    const selection = await loadSelection(ctx.db, input.selectionId)
    if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
    const resumed = (await resumeVoidJobs(ctx, selection._id, 0)).length
    const tally = await recountWorks(ctx, selection._id, null)
    return ok({ selections: 1, ...tally, resumedVoids: resumed })
  }
  const resumed = (await resumeVoidJobs(ctx, null, SETTLE_MS)).length
  const run: RecountRun = { selections: 0, checked: 0, fixed: 0, busy: 0, resumedVoids: resumed }
  const deadline = Date.now() + watchTimer.budgetMs
  for (const selection of await votingSelections(ctx)) {
    const tally = await recountSince(ctx, selection)
    await advanceWatch(ctx, selection, deadline)
    run.selections += 1
    run.checked += tally.checked
    run.fixed += tally.fixed
    run.busy += tally.busy
  }
  return ok(run)
}
