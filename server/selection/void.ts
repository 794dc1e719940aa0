// Voiding votes (organisers): the accepted votes for one work in a period — optionally only those from
// accounts first seen that day — are marked void in their records with a reference to a void job; then
// the work's counts are recomputed exactly from the records.
//
// Crash-safe by order: the job (selectionVoids: reason, range, the exact records to void with their
// positions, state) is written first, then the audit entry with the reason, then the marks, then the
// recount, then the job is marked done (after the vote watch's hours of the work are rewritten). Every
// step is idempotent — a record is marked only while it is not void, counts are recomputed from the
// records — so re-running a job finishes what is left and never voids twice or double-decrements.
//
// Chunked to fit the function's time limit: a call marks ledgers in batches until its budget
// (voidPass.budgetMs), saving the job's cursor (`next`, the ledgers done) as it goes, and answers the
// progress (`finished: false`, voided so far of planned); the recount and the watch's hours are left to
// a call of their own. The rest is continued by the next voidVotes on
// the same work (the page calls again with the same range until finished), by an organiser's recount, or
// by the `selectionRecount` timer once the job is older than a couple of minutes. A mark needs one
// request: a conditional update on the planned positions (ledgers only grow, so positions hold); only if
// it fails is the ledger read and the positions looked up again.
import { randomBytes } from 'node:crypto'
import type { Work } from '../../src/contract/selection'
import type { VoidOutcome } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, updated } from '../core/db'
import { writeAudit } from './audit'
import { ballotsOf, type Ledger } from './ballots'
import { SELECTION_NOT_FOUND, canVote, loadSelection } from '../shared/selection-config'
import { applyCounts, workCountsChunk } from './counts'
import { requireOrganiser } from '../shared/staff-roles'
import { WORK_GONE, workById, worksOf } from './works'
import { refreshWatchStep, type WatchRefresh } from './watch-buckets'

const MAX_VOID = 5000
const PARALLEL = 16
const RESUME_BATCH = 20
/** Ledger batches marked between two saves of the job's cursor. */
const SAVE_EVERY = 8
/**
 * A call's marking budget; tests lower it (or `batchesPerCall`) to spread a job over several calls. A
 * call that marked for longer than finishWithinMs leaves the recount to the next call.
 */
export const voidPass = { budgetMs: 8000, batchesPerCall: 1_000_000, finishWithinMs: 2000, finishStepsPerCall: Number.POSITIVE_INFINITY }

/**
 * The finishing after the marks, a ledger chunk per step across calls: the work's records counted (cursor
 * `after`, sums so far, saved together), the counts applied, then the watch hours' step state.
 */
interface Finish {
  after: string
  all: number
  voided: number
  mine: number
  last: number
  counted: boolean
  applied: boolean
  watch?: WatchRefresh
}

interface Target {
  _id: string
  i: number
  k: string
  fresh: number
}

export interface VoidJob {
  _id: string
  selectionId: string
  workId: string
  actor: string
  reason: string
  from: string
  to: string
  onlyNewAccounts: boolean
  /** The records to void: ledger id, request ids and their positions in the ledger when planned. */
  targets: Array<{ l: string; k: string[]; i?: number[] }>
  planned: number
  /** Targets (ledgers) marked so far. */
  next?: number
  state: 'started' | 'done'
  /** Epoch ms when the job was written, and when it was done. */
  t: number
  doneT?: number
  at: string
  auditId?: string
  outcome?: VoidOutcome
  finish?: Finish
}

const jobsOf = (ctx: Ctx) => ctx.db.collection(COLLECTIONS.selectionVoids)

function markWrite(ctx: Ctx, ledgerId: string, items: Array<{ i: number; k: string }>, ref: string): Promise<number> {
  const _ = ctx.db.command
  const where: Record<string, unknown> = { _id: ledgerId }
  const data: Record<string, unknown> = {}
  for (const { i, k } of items) {
    where[`votes.${i}.k`] = k
    where[`votes.${i}.v`] = _.exists(false)
    data[`votes.${i}.v`] = 1
    data[`votes.${i}.r`] = ref
  }
  return updated(ballotsOf(ctx.db).where(where).update({ data }))
}

async function markLedger(ctx: Ctx, target: VoidJob['targets'][number], ref: string): Promise<number> {
  const { l: ledgerId, k: keys, i: planned } = target
  if (planned && planned.length === keys.length && await markWrite(ctx, ledgerId, keys.map((k, n) => ({ k, i: planned[n] as number })), ref)) return keys.length
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const res = (await ballotsOf(ctx.db).where({ _id: ledgerId }).limit(1).get()) as { data?: Ledger[] }
    const votes = res.data?.[0]?.votes ?? []
    const items = keys.map((k) => ({ k, i: votes.findIndex((v) => v.k === k && v.v === undefined) })).filter((x) => x.i >= 0)
    if (items.length === 0) return 0
    if (await markWrite(ctx, ledgerId, items, ref)) return items.length
  }
  throw new Error(`could not void votes in ${ledgerId}`)
}

const markedBefore = (job: VoidJob, next: number) => job.targets.slice(0, next).reduce((n, t) => n + t.k.length, 0)

/**
 * Runs a job on until `deadline`: audit entry if missing, the marks from the cursor on (saving it every
 * few batches); once every ledger is marked the rest — the recount (which also counts the job's own
 * marks), the vote watch's hours, done — follows in the same call only if marking took little time
 * (each is a pass over the work's ledgers), else in the next. Answers the outcome, finished or not.
 */
async function runVoidJob(ctx: Ctx, job: VoidJob, deadline: number): Promise<VoidOutcome> {
  let auditId = job.auditId
  if (!auditId) {
    auditId = await writeAudit({ ...ctx, openid: job.actor }, {
      action: 'votes.void', selectionId: job.selectionId, workId: job.workId, reason: job.reason,
      detail: { ref: job._id, planned: job.planned, voters: job.targets.length, from: job.from, to: job.to, onlyNewAccounts: job.onlyNewAccounts },
    })
    await jobsOf(ctx).doc(job._id).update({ data: { auditId } })
    job.auditId = auditId
  }
  const began = Date.now()
  let next = job.next ?? 0
  let batches = 0
  const save = async () => {
    if (next === (job.next ?? 0)) return
    await jobsOf(ctx).doc(job._id).update({ data: { next } })
    job.next = next
  }
  while (next < job.targets.length && Date.now() < deadline && batches < voidPass.batchesPerCall) {
    await Promise.all(job.targets.slice(next, next + PARALLEL).map((t) => markLedger(ctx, t, job._id)))
    next = Math.min(next + PARALLEL, job.targets.length)
    batches += 1
    if (batches % SAVE_EVERY === 0) await save()
  }
  await save()
  const readCounts = () => getFirst<Pick<Work, 'votes' | 'voided'>>(worksOf(ctx.db).where({ _id: job.workId }).field({ votes: true, voided: true }).limit(1))
  if (next < job.targets.length || (batches > 0 && Date.now() - began > voidPass.finishWithinMs)) {
    const counts = await readCounts()
    return { workId: job.workId, voided: markedBefore(job, next), votes: counts?.votes ?? 0, voidedTotal: counts?.voided ?? 0, auditId, planned: job.planned, finished: false }
  }
  const selection = await loadSelection(ctx.db, job.selectionId)
  const finish: Finish = job.finish ?? { after: '', all: 0, voided: 0, mine: 0, last: 0, counted: false, applied: false }
  let steps = 0
  let slowest = 0
  const more = () => Date.now() + slowest < deadline && steps < voidPass.finishStepsPerCall
  while (!finish.counted && more()) {
    const began = Date.now()
    const chunk = await workCountsChunk(ctx.db, job.selectionId, job.workId, job._id, finish.after === '' ? undefined : finish.after)
    steps += 1
    slowest = Math.max(slowest, Date.now() - began)
    Object.assign(finish, { all: finish.all + chunk.count.all, voided: finish.voided + chunk.count.voided, mine: finish.mine + (chunk.count.mine ?? 0), last: Math.max(finish.last, chunk.count.last) })
    if (chunk.last === null) finish.counted = true
    else finish.after = chunk.last
  }
  let counts: Pick<Work, 'votes' | 'voided'> | null = null
  if (finish.counted && !finish.applied) {
    counts = await applyCounts(ctx.db, job.workId, finish, selection ? canVote(selection, ctx.now()) : false)
    finish.applied = true
  }
  let watched = !selection
  while (finish.applied && !watched && selection && more()) {
    const began = Date.now()
    const step = await refreshWatchStep(ctx, selection, job.workId, Date.parse(job.from), Date.parse(job.to), finish.watch)
    steps += 1
    slowest = Math.max(slowest, Date.now() - began)
    if (step) finish.watch = step
    else watched = true
  }
  if (!watched) {
    await jobsOf(ctx).doc(job._id).update({ data: { finish: ctx.db.command.set(finish) } })
    job.finish = finish
    const current = counts ?? await readCounts()
    return { workId: job.workId, voided: markedBefore(job, next), votes: current?.votes ?? 0, voidedTotal: current?.voided ?? 0, auditId, planned: job.planned, finished: false }
  }
  const final = counts ?? await readCounts()
  const outcome: VoidOutcome = { workId: job.workId, voided: finish.mine, votes: final?.votes ?? 0, voidedTotal: final?.voided ?? 0, auditId, planned: job.planned, finished: true }
  const now = ctx.now()
  await jobsOf(ctx).doc(job._id).update({ data: { state: 'done', outcome, doneAt: toChinaIsoMs(now), doneT: now.getTime(), finish: ctx.db.command.remove() } })
  return outcome
}

/**
 * Runs on unfinished void jobs written at least `minAgeMs` ago (of one selection or work when given), one
 * after another until `deadline`; answers those it ran, each with its outcome (finished or not).
 */
export async function resumeVoidJobs(ctx: Ctx, selectionId: string | null, minAgeMs: number, workId: string | undefined, deadline: number): Promise<VoidJob[]> {
  const _ = ctx.db.command
  const where: Record<string, unknown> = { state: 'started', t: _.lte(ctx.now().getTime() - minAgeMs) }
  if (selectionId) where.selectionId = selectionId
  if (workId) where.workId = workId
  const jobs = await getDocs<VoidJob>(jobsOf(ctx).where(where).orderBy('t', 'asc').limit(RESUME_BATCH))
  const ran: VoidJob[] = []
  for (const job of jobs) {
    if (Date.now() >= deadline) break
    job.outcome = await runVoidJob(ctx, job, deadline)
    ran.push(job)
  }
  return ran
}

/** Works of a selection whose void job was running, or finished at or after `since` (epoch ms). */
export async function voidingWorks(ctx: Ctx, selectionId: string, since: number): Promise<Set<string>> {
  const [running, recent] = await Promise.all([
    getDocs<{ workId: string }>(jobsOf(ctx).where({ state: 'started', selectionId }).field({ workId: true }).limit(1000)),
    getDocs<{ workId: string }>(jobsOf(ctx).where({ state: 'done', selectionId, doneT: ctx.db.command.gte(since) }).field({ workId: true }).limit(1000)),
  ])
  return new Set([...running, ...recent].map((j) => j.workId))
}

export interface VoidInput {
  selectionId: string
  workId: string
  from: string
  to: string
  onlyNewAccounts: boolean
  reason: string
}

/** A refusal about the time range, placed on its field (`from`) so the form shows it beside the range. */
const rangeFail = (code: 'INVALID_INPUT' | 'NOT_FOUND', message: string) => fail(code, message, [{ path: 'from', message }])

export async function voidVotes(input: VoidInput, ctx: Ctx): Promise<Result<VoidOutcome>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const [selection, work] = await Promise.all([loadSelection(ctx.db, input.selectionId), workById(ctx.db, input.workId)])
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  if (!work || work.selectionId !== selection._id) return fail('NOT_FOUND', WORK_GONE)
  const [from, to] = [Date.parse(input.from), Date.parse(input.to)]
  if (from >= to) return rangeFail('INVALID_INPUT', '开始时间应早于结束时间')
  const deadline = Date.now() + voidPass.budgetMs
  const resumed = await resumeVoidJobs(ctx, selection._id, 0, work._id, deadline)
  const unfinished = resumed.find((j) => j.outcome && !j.outcome.finished)
  if (unfinished?.outcome) return ok(unfinished.outcome)
  const _ = ctx.db.command
  const $ = _.aggregate
  let pipeline = ballotsOf(ctx.db).aggregate()
    .match({ selectionId: selection._id, t: _.gte(from), 'votes.w': work._id })
    .unwind({ path: '$votes', includeArrayIndex: 'i' })
    .match({ 'votes.w': work._id, 'votes.t': _.gte(from).and(_.lt(to)), 'votes.v': _.exists(false) })
    .project({ i: 1, k: '$votes.k', fresh: $.cond({ if: $.eq(['$votes.d', '$firstDay']), then: 1, else: 0 }) })
  if (input.onlyNewAccounts) pipeline = pipeline.match({ fresh: 1 })
  const targets = ((await pipeline.limit(MAX_VOID + 1).end()) as { list?: Target[] }).list ?? []
  if (targets.length > MAX_VOID) return rangeFail('INVALID_INPUT', `一次最多作废 ${MAX_VOID} 票，请缩短时间范围后分批处理`)
  if (targets.length === 0) {
    const same = resumed.find((j) => j.from === input.from && j.to === input.to && j.onlyNewAccounts === input.onlyNewAccounts)
    if (same?.outcome) return ok(same.outcome)
    return rangeFail('NOT_FOUND', '这段时间内没有这件作品的有效投票，请调整时间范围')
  }

  const ref = randomBytes(12).toString('hex')
  const byLedger = new Map<string, { l: string; k: string[]; i: number[] }>()
  for (const t of targets) {
    const entry = byLedger.get(t._id) ?? { l: t._id, k: [], i: [] }
    entry.k.push(t.k)
    entry.i.push(t.i)
    byLedger.set(t._id, entry)
  }
  const now = ctx.now()
  const job: VoidJob = {
    _id: ref, selectionId: selection._id, workId: work._id, actor: ctx.openid, reason: input.reason, from: input.from, to: input.to,
    onlyNewAccounts: input.onlyNewAccounts, targets: [...byLedger.values()], planned: targets.length,
    state: 'started', t: now.getTime(), at: toChinaIsoMs(now), next: 0,
  }
  await jobsOf(ctx).add({ data: job })
  return ok(await runVoidJob(ctx, job, deadline))
}
