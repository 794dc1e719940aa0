// Organisers' review: the queue (with every image and video as temp URLs and the machine checks), and
// the decisions — approve (published with the selection's next sequential number, taken in a transaction
// so numbers are unique and gapless), reject with a reason the author sees, freeze a published work —
// plus marking a typical case's on-site inspection done. Every decision is audit-logged.
import type { Selection, Work } from '../../src/contract/selection'
import type { ReviewOutcome, ReviewQueuePage } from '../../src/contract/selection-views'
import { fail, ok, type Fail, type Result } from '../../src/contract/result'
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, updated } from '../core/db'
import { writeAudit } from './audit'
import { tempUrls } from './files'
import { requireOrganiser } from './roles'
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

/** The single-document operations a CloudBase transaction allows. */
interface Tx {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: unknown }>; update(param: { data: Record<string, unknown> }): Promise<unknown> }
  }
}

async function approve(ctx: Ctx, work: Work): Promise<Approval> {
  const stamp = toChinaIsoMs(ctx.now())
  const _ = ctx.db.command
  return (await ctx.db.runTransaction(async (t: Tx) => {
    const current = (await t.collection(COLLECTIONS.selectionWorks).doc(work._id).get()).data as Work
    if (current.status !== 'pending' && current.status !== 'frozen') {
      return fail('CONFLICT', `这件作品当前状态为「${current.status}」，不能通过审核，请刷新审核列表`)
    }
    if (current.checks.mediaRisky > 0) return fail('FORBIDDEN', '作品图片未通过微信内容安全检测，不能发布；请驳回并请作者更换图片')
    let number = current.number
    if (number === undefined) {
      const selection = (await t.collection(COLLECTIONS.selections).doc(current.selectionId).get()).data as Selection
      number = selection.lastNumber + 1
      await t.collection(COLLECTIONS.selections).doc(current.selectionId).update({ data: { lastNumber: number } })
    }
    await t.collection(COLLECTIONS.selectionWorks).doc(work._id).update({
      data: { status: 'published', number, publishedAt: current.publishedAt ?? stamp, updatedAt: stamp, reason: _.remove() },
    })
    return { number }
  })) as Approval
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
