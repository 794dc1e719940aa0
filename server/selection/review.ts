// Organisers' review: the queue (with every image and video as temp URLs and the machine checks), and
// the decisions — approve (published with the selection's next sequential number, claimed as a document
// with a unique id so numbers never repeat, and released when a race loses), reject with a reason the author sees, freeze a published work —
// plus marking a typical case's on-site inspection done. Every decision is audit-logged.
import type { Selection, Work } from '../../src/contract/selection'
import type { ReviewOutcome, ReviewQueuePage } from '../../src/contract/selection-views'
import { fail, ok, type Fail, type Result } from '../../src/contract/result'
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, isDuplicateKey, updated } from '../core/db'
import { writeAudit } from './audit'
import { tempUrls } from '../shared/work-files'
import { requireOrganiser } from '../shared/staff-roles'
import { WORK_GONE, filesOf, reviewItemOf, workById, worksOf } from './works'

export async function reviewQueue(input: { selectionId: string; status: 'pending' | 'frozen' | 'rejected'; cursor?: string; pageSize: number }, ctx: Ctx): Promise<Result<ReviewQueuePage>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const where: Record<string, unknown> = { selectionId: input.selectionId, status: input.status }
  if (input.cursor) where.createdAt = ctx.db.command.gt(input.cursor)
  const found = await getDocs<Work>(worksOf(ctx.db).where(where).orderBy('createdAt', 'asc').limit(input.pageSize + 1))
  const page = found.slice(0, input.pageSize)
  const urls = await tempUrls(page.flatMap(filesOf))
  const last = page[page.length - 1]
  return ok({ items: page.map((w) => reviewItemOf(w, urls)), nextCursor: found.length > input.pageSize && last ? last.createdAt : null })
}

type Approval = { number: number } | Fail

const NOT_APPROVABLE = '这件作品的状态已经变了，不能通过审核，请刷新审核列表'

/**
 * The selection's next free number, claimed atomically as a document with a deterministic _id
 * (`<selection>-<n>`, unique by the database) instead of a transaction on the selection: CloudBase fails
 * concurrent transactions on one document at once, so approving three works together would fail two.
 * `lastNumber` is a hint, raised with `max` once a work is published with its number, so a claim starts
 * near the top and a number released by a lost race is the next one taken.
 */
async function takeNumber(ctx: Ctx, selectionId: string, workId: string): Promise<number | null> {
  const selection = await getFirst<Selection>(ctx.db.collection(COLLECTIONS.selections).where({ _id: selectionId }))
  if (!selection) return null
  for (let number = selection.lastNumber + 1; ; number += 1) {
    try {
      await ctx.db.collection(COLLECTIONS.selectionNumbers).add({
        data: { _id: `${selectionId}-${number}`, selectionId, number, workId, at: toChinaIsoMs(ctx.now()) },
      })
    } catch (error) {
      if (isDuplicateKey(error)) continue
      throw error
    }
    return number
  }
}

/** A number whose work lost the race is released, so the next approval can take it. */
async function release(ctx: Ctx, selectionId: string, number: number): Promise<void> {
  await ctx.db.collection(COLLECTIONS.selectionNumbers).doc(`${selectionId}-${number}`).remove()
}

/**
 * Publishes a pending or frozen work. A work keeps the number it once had; a new one takes the next
 * number and is published with it in one conditional update, so a work is never published unnumbered
 * and two organisers approving at once publish it once (the loser's number is handed back).
 */
async function approve(ctx: Ctx, work: Work): Promise<Approval> {
  if (work.status !== 'pending' && work.status !== 'frozen') {
    return fail('CONFLICT', `这件作品当前状态为「${work.status}」，不能通过审核，请刷新审核列表`)
  }
  if (work.checks.mediaRisky > 0) return fail('FORBIDDEN', '作品图片未通过微信内容安全检测，不能发布；请驳回并请作者更换图片')
  const _ = ctx.db.command
  const stamp = toChinaIsoMs(ctx.now())
  const number = work.number ?? (await takeNumber(ctx, work.selectionId, work._id))
  if (number === null) return fail('NOT_FOUND', '没有找到这件作品所属的评选，请刷新审核列表')
  const done = await updated(worksOf(ctx.db).where({
    _id: work._id, status: _.in(['pending', 'frozen']), 'checks.mediaRisky': 0, number: work.number ?? _.exists(false),
  }).update({ data: { status: 'published', number, publishedAt: work.publishedAt ?? stamp, updatedAt: stamp, reason: _.remove() } }))
  if (done) {
    await ctx.db.collection(COLLECTIONS.selections).doc(work.selectionId).update({ data: { lastNumber: _.max(number) } })
    return { number }
  }
  if (work.number === undefined) await release(ctx, work.selectionId, number)
  return fail('CONFLICT', NOT_APPROVABLE)
}

async function transition(ctx: Ctx, work: Work, from: Work['status'], to: Work['status'], reason: string): Promise<Fail | null> {
  const done = await updated(
    worksOf(ctx.db).where({ _id: work._id, status: from }).update({ data: { status: to, reason, updatedAt: toChinaIsoMs(ctx.now()) } }),
  )
  if (done) return null
  return fail('CONFLICT', to === 'rejected' ? '只能驳回审核中的作品，请刷新审核列表' : '只能冻结已发布的作品，请刷新列表')
}

export async function reviewWork(input: { workId: string; decision: 'approve' | 'reject' | 'freeze'; reason?: string }, ctx: Ctx): Promise<Result<ReviewOutcome>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const work = await workById(ctx.db, input.workId)
  if (!work) return fail('NOT_FOUND', WORK_GONE)
  const reason = input.reason ?? ''
  let number = work.number ?? null
  if (input.decision === 'approve') {
    const approved = await approve(ctx, work)
    if ('ok' in approved) return approved
    number = approved.number
  } else {
    const refused = await transition(ctx, work, input.decision === 'reject' ? 'pending' : 'published', input.decision === 'reject' ? 'rejected' : 'frozen', reason)
    if (refused) return refused
  }
  const status = input.decision === 'approve' ? 'published' : input.decision === 'reject' ? 'rejected' : 'frozen'
  const auditId = await writeAudit(ctx, {
    action: `review.${input.decision}`, selectionId: work.selectionId, workId: work._id, reason, detail: { from: work.status, to: status, number },
  })
  return ok({ workId: work._id, status, number, auditId })
}

export async function markInspected(input: { workId: string; note?: string }, ctx: Ctx): Promise<Result<{ auditId: string }>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const inspected: Record<string, string> = { at: toChinaIsoMs(ctx.now()), by: role.name }
  if (input.note) inspected.note = input.note
  const done = await updated(worksOf(ctx.db).where({ _id: input.workId, kind: 'cases' }).update({ data: { inspected } }))
  if (!done) return fail('NOT_FOUND', '没有找到这件典型案例申报，请刷新列表')
  const work = await workById(ctx.db, input.workId)
  const auditId = await writeAudit(ctx, { action: 'case.inspected', selectionId: work?.selectionId ?? '', workId: input.workId, reason: input.note ?? '' })
  return ok({ auditId })
}
