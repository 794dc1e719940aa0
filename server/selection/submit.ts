// Submitting a work within the submission window: kind-specific rules, the per-person limit (exact even
// under concurrent submits: a work's _id is derived from the author and their n-th submission, so a
// double tap or a race inserts one work), files that must be the author's own uploads for it (upload
// tickets, uploads.ts: marked used by the work just before it is inserted) and exist, the video
// re-check, the text check (msgSecCheck; 'risky' refuses), then asynchronous image checks whose trace
// ids are stored. A rejected work can be corrected and resubmitted under the same rules (resubmitWork).
import { createHash } from 'node:crypto'
import { SELECTION_KIND_LABELS, WORK_LIMITS, type Selection, type Work } from '../../src/contract/selection'
import type { SubmitInput } from '../../src/contract/selection-contract'
import type { MyWork } from '../../src/contract/selection-views'
import { fail, ok, type Fail, type Result } from '../../src/contract/result'
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, isDuplicateKey, updated } from '../core/db'
import { SELECTION_NOT_FOUND, categoryOf, loadSelection, submitClosedReason } from '../shared/selection-config'
import { TEXT_RISKY_MESSAGE, checkText, requestImageChecks } from './content-security'
import { tempUrls } from '../shared/work-files'
import { checkUploads, useUploads, type WorkFile } from './uploads'
import { requireSignedIn } from '../shared/staff-roles'
import { probeVideo } from './video-probe'
import { WORK_GONE, myWorkOf, workById, worksOf } from './works'
import { writeAudit } from './audit'

const ACTIVE = new Set(['pending', 'published', 'frozen'])

const workId = (selectionId: string, openid: string, seq: number) =>
  `${selectionId}-${createHash('sha256').update(`${selectionId}|${openid}`).digest('hex').slice(0, 12)}-${seq}`

function caseProblem(selection: Selection, input: SubmitInput): string | undefined {
  if (input.kind !== 'cases') return undefined
  const category = categoryOf(selection, input.category)
  if (!category) return '请从列表中选择案例类别'
  if (category.personal && !input.applicant.person) return `「${category.label}」类别请填写被推荐人物的姓名`
  return undefined
}

async function checkVideo(input: Extract<SubmitInput, { kind: 'video' }>, url: string): Promise<{ duration: number; size: number } | string> {
  const facts = await probeVideo(url)
  const size = facts.size ?? input.video.size
  const duration = facts.duration ?? input.video.duration
  if (size > WORK_LIMITS.videoBytesMax) return `视频实际大小 ${(size / 1024 / 1024).toFixed(1)} MB，超过 ${WORK_LIMITS.videoBytesMax / 1024 / 1024} MB，请压缩后重新上传`
  if (duration > WORK_LIMITS.videoSecondsMax + 0.5) return `视频实际时长 ${Math.round(duration)} 秒，超过 ${WORK_LIMITS.videoSecondsMax} 秒，请剪辑后重新上传`
  return { duration: Math.round(duration * 10) / 10, size }
}

function newWork(input: SubmitInput, id: string, ctx: Ctx, textVerdict: 'pass' | 'review' | 'error'): Work {
  const stamp = toChinaIsoMs(ctx.now())
  const images = input.kind === 'video' ? [] : input.images
  const cover = input.kind === 'video' ? input.cover : (input.images[0] as string)
  const work: Work = {
    _id: id, selectionId: input.selectionId, kind: input.kind, author: ctx.openid, status: 'pending',
    title: input.title, story: input.story, images, cover, votes: 0, voided: 0,
    checks: { text: textVerdict, mediaPending: input.kind === 'video' ? 1 : images.length, mediaReview: 0, mediaRisky: 0, humanReviewVideo: input.kind === 'video' },
    createdAt: stamp, updatedAt: stamp,
  }
  if (input.kind === 'cases') Object.assign(work, { category: input.category, applicant: input.applicant })
  else Object.assign(work, { showsChild: input.showsChild, guardianConsent: input.guardianConsent })
  return work
}

interface Prepared {
  selection: Selection
  work: Work
  uploads: WorkFile[]
  urls: Map<string, string>
}

/** Every check a work's content must pass before it is stored as `id` (new, or a rejected one corrected). */
async function prepare(input: SubmitInput, id: string, ctx: Ctx): Promise<Prepared | Fail> {
  const selection = await loadSelection(ctx.db, input.selectionId, { cached: true })
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  if (selection.kind !== input.kind) return fail('INVALID_INPUT', `这项评选只收「${SELECTION_KIND_LABELS[selection.kind]}」作品，请返回重新选择`)
  const closed = submitClosedReason(selection, ctx.now())
  if (closed) return fail('FORBIDDEN', closed)
  const problem = caseProblem(selection, input)
  if (problem) return fail('INVALID_INPUT', problem)
  const uploads: WorkFile[] = input.kind === 'video'
    ? [{ fileID: input.cover, kind: 'image' }, { fileID: input.video.fileID, kind: 'video' }]
    : input.images.map((fileID) => ({ fileID, kind: 'image' as const }))
  const foreign = await checkUploads(ctx, uploads, id)
  if (foreign) return fail('FORBIDDEN', foreign)
  const files = uploads.map((f) => f.fileID)
  const urls = await tempUrls(files)
  if (files.some((f) => !urls.get(f))) return fail('INVALID_INPUT', '有文件没有上传成功或已失效，请重新上传后再提交')
  const textVerdict = await checkText(ctx.openid, [input.title, input.story, input.kind === 'cases' ? `${input.applicant.institution} ${input.applicant.person ?? ''}` : ''].join('\n').trim())
  if (textVerdict === 'risky') return fail('INVALID_INPUT', TEXT_RISKY_MESSAGE)
  const work = newWork(input, id, ctx, textVerdict)
  if (input.kind === 'video') {
    const video = await checkVideo(input, urls.get(input.video.fileID) ?? '')
    if (typeof video === 'string') return fail('INVALID_INPUT', video)
    work.video = { fileID: input.video.fileID, ...video }
  }
  return { selection, work, uploads, urls }
}

const activeWorks = (ctx: Ctx, selectionId: string) => getDocs<Pick<Work, '_id' | 'status'>>(
  worksOf(ctx.db).where({ selectionId, author: ctx.openid }).field({ _id: true, status: true }).limit(1000),
)

const overLimit = (selection: Selection) =>
  fail('RATE_LIMITED', `本次评选每人最多 ${selection.worksPerPerson} 件作品（审核中或已发布），如需更换请先在「我的作品」中撤回一件`)

export async function submitWork(input: SubmitInput, ctx: Ctx): Promise<Result<MyWork>> {
  const denied = requireSignedIn(ctx)
  if (denied) return denied
  const selection = await loadSelection(ctx.db, input.selectionId, { cached: true })
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  const mine = await activeWorks(ctx, selection._id)
  if (mine.filter((w) => ACTIVE.has(w.status)).length >= selection.worksPerPerson) return overLimit(selection)

  const id = workId(selection._id, ctx.openid, mine.length + 1)
  const ready = await prepare(input, id, ctx)
  if ('ok' in ready) return ready
  const { work, uploads, urls } = ready
  const taken = await useUploads(ctx, uploads, id)
  if (taken) return fail('CONFLICT', taken)
  try {
    await worksOf(ctx.db).add({ data: work })
  } catch (error) {
    if (isDuplicateKey(error)) return fail('CONFLICT', '刚刚已提交过一件作品，请到「我的作品」查看，不要重复提交')
    throw error
  }
  await startImageChecks(ctx, work, urls)
  return ok(myWorkOf(work, urls))
}

/**
 * The author sends a rejected work again, corrected, while submissions are open: same work (its id, and
 * its number if it had one), back to 审核中 with fresh content checks; the rejection it answers is kept
 * in `revisions`. Verdicts still pending for its old images no longer count (marked superseded).
 */
export async function resubmitWork(input: { workId: string; work: SubmitInput }, ctx: Ctx): Promise<Result<MyWork>> {
  const denied = requireSignedIn(ctx)
  if (denied) return denied
  const old = await workById(ctx.db, input.workId)
  if (!old || old.author !== ctx.openid) return fail('NOT_FOUND', WORK_GONE)
  if (old.status !== 'rejected') return fail('CONFLICT', '只有未通过审核的作品可以修改后重新提交，请刷新「我的作品」')
  if (old.selectionId !== input.work.selectionId || old.kind !== input.work.kind) {
    return fail('INVALID_INPUT', '修改后的作品应属于原来的评选，请从「我的作品」中点「修改后重新提交」')
  }
  const ready = await prepare(input.work, old._id, ctx)
  if ('ok' in ready) return ready
  const { selection, work, uploads, urls } = ready
  const mine = await activeWorks(ctx, selection._id)
  if (mine.filter((w) => ACTIVE.has(w.status)).length >= selection.worksPerPerson) return overLimit(selection)
  const taken = await useUploads(ctx, uploads, old._id)
  if (taken) return fail('CONFLICT', taken)

  const stamp = toChinaIsoMs(ctx.now())
  const revisions = [...(old.revisions ?? []), { title: old.title, reason: old.reason ?? '', rejectedAt: old.updatedAt, resubmittedAt: stamp }]
  const _ = ctx.db.command
  const { _id: _workId, author: _author, createdAt: _createdAt, votes: _votes, voided: _voided, ...content } = work
  const fresh: Record<string, unknown> = {
    ...content, revisions, updatedAt: stamp, reason: _.remove(),
  }
  await ctx.db.collection(COLLECTIONS.selectionMediaChecks).where({ workId: old._id, suggest: 'pending' }).update({ data: { suggest: 'superseded', decidedAt: stamp } })
  const done = await updated(worksOf(ctx.db).where({ _id: old._id, author: ctx.openid, status: 'rejected', updatedAt: old.updatedAt }).update({ data: fresh }))
  if (!done) return fail('CONFLICT', '这件作品刚刚已重新提交过，请到「我的作品」查看，不要重复提交')
  const stored: Work = { ...old, ...work, _id: old._id, createdAt: old.createdAt, votes: old.votes, voided: old.voided, revisions, updatedAt: stamp }
  delete stored.reason
  await startImageChecks(ctx, stored, urls)
  await writeAudit(ctx, { action: 'work.resubmit', selectionId: old.selectionId, workId: old._id, reason: old.reason ?? '', detail: { revision: revisions.length } })
  return ok(myWorkOf(stored, urls))
}

async function startImageChecks(ctx: Ctx, work: Work, urls: Map<string, string>): Promise<void> {
  const images = work.kind === 'video' ? [work.cover] : work.images
  const traces = await requestImageChecks(ctx.openid, images.map((fileID) => ({ fileID, url: urls.get(fileID) ?? '' })))
  const started = traces.filter((t): t is { fileID: string; traceId: string } => t.traceId !== null)
  const at = toChinaIsoMs(ctx.now())
  if (started.length > 0) {
    await ctx.db.collection(COLLECTIONS.selectionMediaChecks).add({
      data: started.map((t) => ({ _id: t.traceId, workId: work._id, selectionId: work.selectionId, fileID: t.fileID, suggest: 'pending', at })),
    })
  }
  const failed = traces.length - started.length
  if (failed > 0) {
    const _ = ctx.db.command
    await worksOf(ctx.db).doc(work._id).update({ data: { 'checks.mediaPending': _.inc(-failed), 'checks.mediaReview': _.inc(failed) } })
  }
}
