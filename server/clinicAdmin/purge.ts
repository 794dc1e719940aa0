// purgePersonalData: the retention run, as a resumable job (shared/jobs.ts, kind `clinicPurge`). The
// timer trigger `clinicPurge` (cloudfunctions/clinicAdmin/config.json, every 10 minutes from 03:00 to
// 05:59 China time, dispatched here with ctx.trigger = 'timer') works the day's job, `clinicPurge-<date>`:
// the first run of the day creates it, later runs continue it from its cursor until it is done and
// then only answer its result. An organiser may run it by hand (a job of its own), or with `dryRun`
// to see what would go. Each run works chunks for up to PURGE_CALL_BUDGET_MS, well inside the
// function's 60 s:
//   - slots: the next PURGE_CHUNK_SLOTS unpurged slots dated up to the last due day, by (date, _id);
//     the due ones have their sign-ups and notices anonymised and are marked purgedAt (retention.ts);
//   - files: one batch of export files older than a day deleted from storage (export-files.ts);
//   - exports: export jobs unfinished after a day lose their stored parts and are marked failed (export.ts).
// The cutoff instant is the job's creation, so every chunk judges by the same time. Idempotent: a
// chunk redone after a lost run finds its slots already marked. Audit-logged when done, if it deleted
// something or a person ran it.
import type { PurgeRun } from '../../src/contract/clinic-admin'
import type { Api } from '../../src/contract/api'
import { ok, type Result } from '../../src/contract/result'
import { requireOrganiser } from '../core/auth'
import { chinaDate, toChinaIsoMs } from '../core/china-time'
import type { Ctx } from '../core/context'
import { isDuplicateKey } from '../core/db'
import { audit, type Actor } from '../shared/clinic-audit'
import { advanceJob, createJob, jobBudgetMs, newJobId, progressOf, readJob, type JobDoc } from '../shared/jobs'
import { countOldExports, exportFilesBefore, removeExportBatch } from './export-files'
import { removeAbandonedExports } from './export'
import { anonymise, candidateSlots, countCandidates, lastDueDate, purgeDue, purgeScope, retentionDays } from './retention'

export const PURGE_KIND = 'clinicPurge'
/** Slots per chunk: each chunk is three multi-document updates over their sign-ups, notices and the slots. */
export const PURGE_CHUNK_SLOTS = 10
export const PURGE_CALL_BUDGET_MS = 20_000

export interface PurgeParams {
  days: number
  lastDate: string
  /** The instant the job judges by (its creation). */
  cutoffMs: number
  filesBefore: string
  actor: Actor
}

type Totals = Pick<PurgeRun, 'festivals' | 'slots' | 'anonymised' | 'notices' | 'exportFiles' | 'abandonedExports'>

export interface PurgeCursor extends Totals {
  phase: 'slots' | 'files' | 'exports'
  /** The last slot looked at, by (date, _id). */
  date: string
  id: string
}

type PurgeDoc = JobDoc<PurgeParams, PurgeCursor, PurgeRun>

const runOf = (totals: Totals, days: number): PurgeRun => ({
  festivals: totals.festivals, slots: totals.slots, anonymised: totals.anonymised, notices: totals.notices, exportFiles: totals.exportFiles,
  abandonedExports: totals.abandonedExports, retentionDays: days, dryRun: false,
})

async function chunk(ctx: Ctx, job: PurgeDoc): Promise<{ done: number; cursor: PurgeCursor; result?: PurgeRun; total?: number }> {
  const { days, lastDate, cutoffMs, filesBefore, actor } = job.params
  const cursor = { ...job.cursor }
  if (cursor.phase === 'slots') {
    const candidates = await candidateSlots(ctx, lastDate, cursor, PURGE_CHUNK_SLOTS)
    const due = candidates.filter((slot) => purgeDue(slot, days).getTime() <= cutoffMs)
    const counts = await anonymise(ctx, due.map((s) => s._id), false)
    const last = candidates[candidates.length - 1]
    Object.assign(cursor, {
      festivals: [...new Set([...cursor.festivals, ...due.map((s) => s.festivalId)])].sort(), slots: cursor.slots + due.length,
      anonymised: cursor.anonymised + counts.signups, notices: cursor.notices + counts.notices,
      ...(last ? { date: last.date, id: last._id } : {}), ...(candidates.length < PURGE_CHUNK_SLOTS ? { phase: 'files' } : {}),
    })
    return { done: candidates.length, cursor }
  }
  if (cursor.phase === 'files') {
    const files = await removeExportBatch(ctx, filesBefore)
    cursor.exportFiles += files.removed
    if (!files.more) cursor.phase = 'exports'
    return { done: files.removed, cursor }
  }
  const jobs = await removeAbandonedExports(ctx, filesBefore)
  cursor.abandonedExports += jobs.removed
  if (jobs.more) return { done: 0, cursor }
  const run = runOf(cursor, days)
  if (actor !== 'timer' || run.anonymised + run.notices + run.exportFiles + run.abandonedExports > 0) {
    await audit(ctx, actor, {
      action: 'purge', target: run.festivals.join(',') || '-', rows: run.anonymised,
      detail: `保留期 ${days} 天；场次 ${run.slots}；通知 ${run.notices}；导出文件 ${run.exportFiles}；未完成的导出 ${run.abandonedExports}`,
    }, job._id)
  }
  return { done: 0, cursor, result: run, total: job.done }
}

/** The purge job `id` (created now when new) and its state after working it for one call's budget. */
async function runPurgeJob(ctx: Ctx, id: string, actor: Actor): Promise<PurgeDoc | null> {
  const now = ctx.now()
  const at = toChinaIsoMs(now)
  let created: PurgeDoc | undefined
  const existing = await readJob<PurgeParams, PurgeCursor, PurgeRun>(ctx.db, id)
  if (!existing) {
    const days = retentionDays()
    const lastDate = lastDueDate(now, days)
    const filesBefore = exportFilesBefore(now)
    const [slots, files] = await Promise.all([countCandidates(ctx, lastDate), countOldExports(ctx, filesBefore)])
    try {
      created = await createJob<PurgeParams, PurgeCursor, PurgeRun>(ctx.db, {
        _id: id, kind: PURGE_KIND, owner: actor === 'timer' ? '' : actor.openid, total: slots + files,
        params: { days, lastDate, cutoffMs: now.getTime(), filesBefore, actor },
        cursor: { phase: 'slots', date: '', id: '', festivals: [], slots: 0, anonymised: 0, notices: 0, exportFiles: 0, abandonedExports: 0 },
      }, at)
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  } else if (existing.state === 'done' || existing.state === 'failed') {
    return existing
  }
  return advanceJob<PurgeParams, PurgeCursor, PurgeRun>(ctx.db, id, {
    nowMs: now.getTime(), at, budgetMs: jobBudgetMs(PURGE_CALL_BUDGET_MS), ...(created ? { created } : {}),
    chunk: (job) => chunk(ctx, job),
  })
}

export async function purgePersonalData(input: Api['clinicAdmin']['purgePersonalData']['parsed'], ctx: Ctx): Promise<Result<PurgeRun>> {
  let actor: Actor = 'timer'
  if (ctx.trigger !== 'timer') {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
    actor = { openid: auth.member.openid, displayName: auth.member.displayName }
  }
  const days = retentionDays()
  if (input.dryRun === true) {
    const scope = await purgeScope(ctx, days)
    const counts = await anonymise(ctx, scope.slotIds, true)
    return ok({
      festivals: scope.festivals, slots: scope.slotIds.length, anonymised: counts.signups, notices: counts.notices,
      exportFiles: await countOldExports(ctx, exportFilesBefore(ctx.now())), abandonedExports: 0, retentionDays: days, dryRun: true,
    })
  }
  const id = actor === 'timer' ? `${PURGE_KIND}-${chinaDate(ctx.now())}` : newJobId(PURGE_KIND)
  const job = await runPurgeJob(ctx, id, actor)
  if (!job) throw new Error(`purge job ${id} vanished`)
  return ok({ ...(job.result ?? runOf(job.cursor, job.params.days)), job: progressOf(job) })
}
