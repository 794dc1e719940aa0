// Vote-count repair. A vote claims its ledger record first and increments the work's `votes` second; a
// crash in between leaves the work one vote short of its valid ballots. The `selectionRecount` timer
// (every 10 minutes, cloudfunctions/selection/config.json) brings the works back to their ballots, an
// organiser can ask for a full recount of one selection, and publishing runs the same step first. It
// also finishes void jobs a crash or a call's time limit left half done (void.ts).
//
// Two ways, each bounded per run so a run fits the function's timeout at 1,000,000 votes:
// - Few works touched since the last cutoff (records stamped after it, found by one scan of the ledgers
//   holding such records): a pass as below restricted to those works (their ledgers only, their counters
//   compared), so even a work in most ledgers is counted a chunk at a time across runs within the limit.
// - Otherwise (the first run, many works touched, an organiser's recount): a full pass, started at t0,
//   walks the ledgers in chunks of ledgerScan.chunk, keeping the per-work tally and the cursor together in
//   the selection's recount document (one write per run: a crash loses that run's chunks, never counts one
//   twice). Then it compares the works page by page with the tally and fixes them by compare-and-set. A
//   work is left for the next run when it has a record stamped after t0 − SETTLE_MS (the tally may miss
//   it; every older record existed and had its increment land by t0), or a void job on it was running or
//   finished after t0 (the tally may predate its marks). Once every work is compared, the cutoff moves to
//   t0 − SETTLE_MS, so the works left over are the next run's touched works. The pass's progress (ledgers
//   counted of those at t0) and when the last one finished are shown on the vote-watch page.
// The same timer run brings each selection's vote-watch hours up to date (watch-buckets.ts), within
// their own budget. A run reads the recently voted works at most once (one scan, each work with its newest
// stamp, carried to the fix phase; the fix phase reads them and the void jobs only when a work differs),
// and starts no read of the whole ledger or works collection unless the slowest read of the run so far
// still fits before its deadline: what does not fit is left to the next run.
import type { RecountProgress, RecountRun } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import type { Selection } from '../../src/contract/selection'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, updated } from '../core/db'
import { ballotsOf } from './ballots'
import { SELECTION_NOT_FOUND, loadSelection } from '../shared/selection-config'
import { recordCountsChunk } from './counts'
import { ledgerScan } from './ledger-scan'
import { requireOrganiser } from '../shared/staff-roles'
import { resumeVoidJobs } from './void'
import { advanceWatch, watchTimer } from './watch-buckets'
import { fits, runClock, timed, type RunClock } from '../core/run-clock'
import { fixSome } from './recount-fix'
import {
  SETTLE_MS, progressOf, recentWorks, recountPass, recountProgress, statesOf, touchedSince,
  type FullPass, type Recent, type RecountState, type RecountTally, type Tally,
} from './recount-state'

interface RecountStep {
  tally: RecountTally
  progress: RecountProgress
}

async function startPass(ctx: Ctx, clock: RunClock, selectionId: string, state: RecountState | null, works?: string[]): Promise<RecountState> {
  const total = (await timed(clock, async () => (await ballotsOf(ctx.db).where({ selectionId, ...(works ? { 'votes.w': ctx.db.command.in(works) } : {}) }).count()) as { total: number })).total
  const pass: FullPass = { t0: ctx.now().getTime(), ...(works ? { works } : {}), phase: 'count', after: '', scanned: 0, total, fixAfter: '', checked: 0, fixed: 0, busy: 0 }
  const next: RecountState = { _id: selectionId, upTo: state?.upTo ?? 0, pass, tally: {}, ...(state?.last ? { last: state.last } : {}) }
  const { _id, ...data } = next
  await statesOf(ctx).doc(_id).set({ data })
  return next
}

/** Counts ledger chunks into the tally while the slowest one so far still fits before the deadline; one compare-and-set write of cursor and tally. */
async function countSome(ctx: Ctx, clock: RunClock, state: RecountState, pass: FullPass): Promise<boolean> {
  const tally: Tally = state.tally ?? {}
  let { after, scanned, phase } = pass
  let chunks = 0
  while (phase === 'count' && chunks < recountPass.chunksPerRun && fits(clock)) {
    const chunk = await timed(clock, () => recordCountsChunk(ctx.db, state._id, after === '' ? undefined : after, pass.works))
    for (const g of chunk.rows) {
      const seen = tally[g._id] ?? [0, 0, 0]
      tally[g._id] = [seen[0] + g.all, seen[1] + g.voided, Math.max(seen[2], g.last)]
    }
    chunks += 1
    if (chunk.last === null) {
      phase = 'fix'
      scanned = pass.total
    } else {
      after = chunk.last
      scanned = Math.min(scanned + ledgerScan.chunk, pass.total)
    }
  }
  if (chunks === 0) return true
  const _ = ctx.db.command
  const saved = await updated(statesOf(ctx).where({ _id: state._id, 'pass.t0': pass.t0, 'pass.scanned': pass.scanned, 'pass.after': pass.after })
    .update({ data: { 'pass.after': after, 'pass.scanned': scanned, 'pass.phase': phase, tally: _.set(tally) } }))
  if (saved !== 1) return false
  Object.assign(pass, { after, scanned, phase })
  state.tally = tally
  return true
}

/**
 * One bounded step of the repair for a selection: the touched works one by one, or (the first time, when
 * many were touched, or when `full`) a full pass started or continued until `deadline`.
 */
export async function recountStep(ctx: Ctx, selection: Selection, deadline: number | RunClock, full = false): Promise<RecountStep> {
  const clock = typeof deadline === 'number' ? runClock(deadline) : deadline
  const step: RecountTally = { checked: 0, fixed: 0, busy: 0 }
  let state = await getFirst<RecountState>(statesOf(ctx).where({ _id: selection._id }).limit(1))
  let carried: Recent | null = null
  if (state && !state.pass && !full) {
    if (!fits(clock)) return { tally: step, progress: progressOf(state) }
    const cutoff = ctx.now().getTime() - SETTLE_MS
    const since = state.upTo
    carried = await recentWorks(ctx, clock, selection._id, since, recountPass.perWorkMax)
    const touched = carried ? touchedSince(carried, since) : null
    if (touched?.length === 0) {
      await statesOf(ctx).doc(selection._id).update({ data: { upTo: cutoff } })
      return { tally: step, progress: progressOf(state) }
    }
    if (touched && touched.length <= recountPass.perWorkMax) {
      if (!fits(clock)) return { tally: step, progress: progressOf(state) }
      state = await startPass(ctx, clock, selection._id, state, touched)
    }
  }
  if (!state?.pass) {
    if (!fits(clock)) return { tally: step, progress: progressOf(state) }
    state = await startPass(ctx, clock, selection._id, state)
  }
  const pass = state.pass as FullPass
  if (pass.phase === 'count' && !(await countSome(ctx, clock, state, pass))) return { tally: step, progress: await recountProgress(ctx, selection._id) }
  if (pass.phase === 'fix' && fits(clock)) await fixSome(ctx, clock, selection._id, state, pass, step, carried)
  return { tally: step, progress: progressOf(state) }
}

async function votingSelections(ctx: Ctx): Promise<Selection[]> {
  const now = ctx.now().getTime()
  const open = await getDocs<Selection>(ctx.db.collection(COLLECTIONS.selections).where({ results: ctx.db.command.exists(false) }).limit(100))
  return open.filter((s) => Date.parse(s.windows.voteFrom) <= now)
}

export async function recountVotes(input: { selectionId?: string }, ctx: Ctx): Promise<Result<RecountRun>> {
  const started = Date.now()
  if (ctx.trigger !== 'timer') {
    const role = await requireOrganiser(ctx)
    if (!role.ok) return role
    if (!input.selectionId) return fail('INVALID_INPUT', '请选择要核对票数的评选', [{ path: 'selectionId', message: '请选择要核对票数的评选' }])
    const selection = await loadSelection(ctx.db, input.selectionId)
    if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
    const resumed = (await resumeVoidJobs(ctx, selection._id, 0, undefined, started + recountPass.voidMs)).length
    const { tally, progress } = await recountStep(ctx, selection, started + recountPass.budgetMs, true)
    return ok({ selections: 1, ...tally, resumedVoids: resumed, progress })
  }
  const resumed = (await resumeVoidJobs(ctx, null, SETTLE_MS, undefined, started + recountPass.voidMs)).length
  const run: RecountRun = { selections: 0, checked: 0, fixed: 0, busy: 0, resumedVoids: resumed }
  const clock = runClock(started + recountPass.budgetMs)
  // One deadline for the whole run; which selection and which of its two jobs go first turns with each
  // 10-minute run, so a slow one never starves the others for good.
  const turn = Math.floor(ctx.now().getTime() / 600_000)
  const selections = await votingSelections(ctx)
  const order = selections.map((_s, i) => selections[(i + turn) % selections.length] as Selection)
  for (const selection of order) {
    if (!fits(clock)) break
    const watch = async () => {
      const advance = await advanceWatch(ctx, selection, Math.min(Date.now() + watchTimer.budgetMs, clock.deadline - clock.slowest))
      clock.slowest = Math.max(clock.slowest, advance.slowest)
    }
    if (turn % 2 === 0) await watch()
    const { tally } = await recountStep(ctx, selection, clock)
    if (turn % 2 === 1) await watch()
    run.selections += 1
    run.checked += tally.checked
    run.fixed += tally.fixed
    run.busy += tally.busy
  }
  return ok(run)
}
