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
import { toChinaIsoMs } from '../core/china-time'
import { getDocs, getFirst, updated } from '../core/db'
import { ballotsOf } from './ballots'
import { SELECTION_NOT_FOUND, loadSelection } from '../shared/selection-config'
import { recordCountsChunk } from './counts'
import { ledgerScan, scanChunk } from './ledger-scan'
import { requireOrganiser } from '../shared/staff-roles'
import { resumeVoidJobs, voidingWorks } from './void'
import { worksOf } from './works'
import { advanceWatch, watchTimer } from './watch-buckets'

/** A claimed vote's increment lands within this long of its record's stamp, or never. */
export const SETTLE_MS = 2 * 60_000
const PAGE = 1000
const FIX_PARALLEL = 16
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

interface Counters {
  _id: string
  votes: number
  voided: number
}

/** workId → [records, voided records, newest stamp]. */
type Tally = Record<string, [number, number, number]>

interface FullPass {
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

interface LastPass {
  finishedAt: string
  checked: number
  fixed: number
  busy: number
  total: number
}

interface RecountState {
  _id: string
  /** Records stamped up to this instant (epoch ms) have been looked at. */
  upTo: number
  pass?: FullPass
  tally?: Tally
  last?: LastPass
}

const statesOf = (ctx: Ctx) => ctx.db.collection(COLLECTIONS.selectionRecounts)

/**
 * A run's deadline and the slowest whole-collection read it has made so far: a read is started only while
 * that one would still end before the deadline. `reads` counts them (tests check what a run read).
 */
export interface RunClock {
  deadline: number
  slowest: number
  reads: number
}

export const runClock = (deadline: number): RunClock => ({ deadline, slowest: 0, reads: 0 })
export const fits = (clock: RunClock) => Date.now() + clock.slowest < clock.deadline

async function timed<T>(clock: RunClock, read: () => Promise<T>): Promise<T> {
  const began = Date.now()
  try {
    return await read()
  } finally {
    clock.slowest = Math.max(clock.slowest, Date.now() - began)
    clock.reads += 1
  }
}

/** The works with a record stamped after `since`, each with its newest stamp: read once per run and carried. */
interface Recent {
  since: number
  works: Map<string, number>
}

/**
 * The works with a record stamped after `since`, a ledger chunk at a time while the run's clock allows;
 * null when the scan stopped early — more than `max` works seen, or the next chunk would not fit — so a
 * run never spends its time on one unbounded scan (after an outage, or when many voters voted since).
 */
async function recentWorks(ctx: Ctx, clock: RunClock, selectionId: string, since: number, max = Number.POSITIVE_INFINITY): Promise<Recent | null> {
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
const touchedSince = (recent: Recent, since: number) => [...recent.works].filter(([, last]) => last > since).map(([w]) => w)

export interface RecountTally {
  checked: number
  fixed: number
  busy: number
}

const fixCounters = async (ctx: Ctx, work: Counters, target: { votes: number; voided: number }) =>
  (await updated(worksOf(ctx.db).where({ _id: work._id, votes: work.votes, voided: work.voided }).update({ data: target }))) === 1

export interface RecountStep {
  tally: RecountTally
  progress: RecountProgress
}

const progressOf = (state: Pick<RecountState, 'pass' | 'last'> | null): RecountProgress => ({
  running: Boolean(state?.pass),
  scanned: state?.pass?.scanned ?? 0,
  total: state?.pass?.total ?? 0,
  ...(state?.last ? { finishedAt: state.last.finishedAt } : {}),
})

/** The recount's progress for the organiser's pages (the tally itself is not read). */
export async function recountProgress(ctx: Ctx, selectionId: string): Promise<RecountProgress> {
  return progressOf(await getFirst<RecountState>(statesOf(ctx).where({ _id: selectionId }).field({ pass: true, last: true }).limit(1)))
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
 * Compares works (in _id order, from the cursor) with the tally and fixes them, until the deadline. The
 * recently voted works (`carried` when this run read them already) and the void jobs are read only when a
 * work differs from the tally, and only if that read fits; otherwise the cursor stops before that work.
 */
async function fixSome(ctx: Ctx, clock: RunClock, selectionId: string, state: RecountState, pass: FullPass, step: RecountTally, carried: Recent | null): Promise<boolean> {
  const _ = ctx.db.command
  const counters: Counters[] = []
  let end = false
  let after = pass.fixAfter
  if (pass.works) {
    const works = pass.works
    counters.push(...await timed(clock, () => getDocs<Counters>(worksOf(ctx.db).where({ _id: _.in(works), selectionId }).orderBy('_id', 'asc').field({ _id: true, votes: true, voided: true }).limit(PAGE))))
    end = true
  }
  for (let pages = 0; !end && pages < recountPass.fixPages && fits(clock); pages += 1) {
    const from = after
    const page = await timed(clock, () => getDocs<Counters>(
      worksOf(ctx.db).where({ selectionId, ...(from === '' ? {} : { _id: _.gt(from) }) }).orderBy('_id', 'asc').field({ _id: true, votes: true, voided: true }).limit(recountPass.fixPage),
    ))
    counters.push(...page)
    if (page.length < recountPass.fixPage) {
      end = true
      break
    }
    after = page[page.length - 1]?._id ?? after
  }
  const tally = state.tally ?? {}
  const targetOf = (work: Counters) => {
    const [all, voided] = tally[work._id] ?? [0, 0, 0]
    return { votes: all - voided, voided }
  }
  const differs = (work: Counters) => {
    const target = targetOf(work)
    return work.votes !== target.votes || work.voided !== target.voided
  }
  const since = pass.t0 - SETTLE_MS
  let busyWorks: Set<string> | null = null
  const done: RecountTally = { checked: 0, fixed: 0, busy: 0 }
  let fixAfter = pass.fixAfter
  let stalled = false
  let i = 0
  for (; i < counters.length && Date.now() < clock.deadline; i += FIX_PARALLEL) {
    const batch = counters.slice(i, i + FIX_PARALLEL)
    if (!busyWorks && batch.some(differs)) {
      if (carried && carried.since <= since) busyWorks = new Set(touchedSince(carried, since))
      else {
        const readsBefore = clock.reads
        const recent = await recentWorks(ctx, clock, selectionId, since)
        stalled = !recent && clock.reads > readsBefore
        if (!recent) break
        busyWorks = new Set(recent.works.keys())
      }
      if (!fits(clock)) break
      for (const w of await timed(clock, () => voidingWorks(ctx, selectionId, pass.t0))) busyWorks.add(w)
    }
    const busy = busyWorks ?? new Set<string>()
    await Promise.all(batch.map(async (work) => {
      done.checked += 1
      if (!differs(work)) return
      if (busy.has(work._id) || !(await fixCounters(ctx, work, targetOf(work)))) done.busy += 1
      else done.fixed += 1
    }))
    fixAfter = batch[batch.length - 1]?._id ?? fixAfter
  }
  const finished = end && i >= counters.length
  const stalls = stalled ? (pass.stalls ?? 0) + 1 : 0
  const where = statesOf(ctx).where({ _id: selectionId, 'pass.t0': pass.t0, 'pass.fixAfter': pass.fixAfter })
  if (stalls >= recountPass.maxStalls) {
    if ((await updated(where.update({ data: { pass: _.remove(), tally: _.remove() } }))) === 1) {
      delete state.pass
      delete state.tally
    }
    return false
  }
  if (done.checked === 0 && !finished) {
    if (stalls !== (pass.stalls ?? 0) && (await updated(where.update({ data: { 'pass.stalls': stalls } }))) === 1) pass.stalls = stalls
    return false
  }
  const totals = { checked: pass.checked + done.checked, fixed: pass.fixed + done.fixed, busy: pass.busy + done.busy }
  step.checked += done.checked
  step.fixed += done.fixed
  step.busy += done.busy
  if (!finished) {
    const saved = await updated(where.update({ data: { 'pass.fixAfter': fixAfter, 'pass.checked': totals.checked, 'pass.fixed': totals.fixed, 'pass.busy': totals.busy, 'pass.stalls': stalls } }))
    if (saved === 1) Object.assign(pass, { fixAfter, stalls }, totals)
    return false
  }
  const last: LastPass = { finishedAt: toChinaIsoMs(ctx.now()), ...totals, total: pass.total }
  const saved = await updated(where.update({ data: { upTo: Math.max(state.upTo, pass.t0 - SETTLE_MS), pass: _.remove(), tally: _.remove(), ...(pass.works ? {} : { last: _.set(last) }) } }))
  if (saved === 1) {
    delete state.pass
    delete state.tally
    if (!pass.works) state.last = last
  }
  return saved === 1
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
