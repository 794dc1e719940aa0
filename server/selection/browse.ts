// Residents' reads besides the gallery: the festival's selections, one work's page with the caller's
// remaining votes, and the caller's own works; plus withdrawing one's own work.
import type { Selection, SelectionView, Work } from '../../src/contract/selection'
import type { MyWork, WorkDetail } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaDate, toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, updated } from '../core/db'
import { currentFestival } from '../shared/festival-queries'
import { readLedger, remainingVotes } from './ballots'
import { SELECTION_NOT_FOUND, canVote, loadSelection, selectionView, voteClosedReason } from '../shared/selection-config'
import { tempUrls, urlOf } from '../shared/work-files'
import { requireSignedIn } from '../shared/staff-roles'
import { NOT_VOTABLE } from './vote'
import { WORK_GONE, cardOf, filesOf, myWorkOf, workById, workByNumber, worksOf } from './works'

export async function listSelections(input: { festivalId?: string }, ctx: Ctx): Promise<Result<SelectionView[]>> {
  const festivalId = input.festivalId ?? (await currentFestival(ctx.db))?._id
  if (!festivalId) return ok([])
  const found = await getDocs<Selection>(
    ctx.db.collection(COLLECTIONS.selections).where({ festivalId, published: true }).orderBy('order', 'asc').limit(20),
  )
  const now = ctx.now()
  return ok(found.map((s) => selectionView(s, now)))
}

export async function workDetail(input: { workId?: string; selectionId?: string; number?: number }, ctx: Ctx): Promise<Result<WorkDetail>> {
  const work = input.workId !== undefined
    ? await workById(ctx.db, input.workId)
    : await workByNumber(ctx.db, input.selectionId ?? '', input.number ?? 0)
  const mine = work !== null && ctx.openid !== '' && work.author === ctx.openid
  if (!work || (work.status !== 'published' && !mine)) return fail('NOT_FOUND', WORK_GONE)
  const [selection, ledger, urls] = await Promise.all([
    loadSelection(ctx.db, work.selectionId, { cached: true }),
    ctx.openid ? readLedger(ctx.db, work.selectionId, ctx.openid) : Promise.resolve(null),
    tempUrls(filesOf(work)),
  ])
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  const now = ctx.now()
  const closed = voteClosedReason(selection, now) ?? (work.status === 'published' ? undefined : NOT_VOTABLE)
  const remaining = remainingVotes(ledger, selection, work._id, chinaDate(now))
  const { number: _number, ...card } = cardOf(work, urls)
  const detail: WorkDetail = {
    work: {
      ...card, number: work.number ?? null, story: work.story, imageUrls: work.images.map((f) => urlOf(urls, f)),
      status: work.status, mine,
    },
    voting: {
      open: closed === undefined && canVote(selection, now),
      remainingToday: remaining.remainingToday,
      remainingForWork: remaining.remainingForWork,
      perDay: selection.limits.perDay,
      perWorkPerDay: selection.limits.perWorkPerDay,
    },
  }
  if (closed) detail.voting.reason = closed
  if (work.video) detail.work.videoUrl = urlOf(urls, work.video.fileID)
  if (work.publishedAt) detail.work.publishedAt = work.publishedAt
  if (mine && work.reason) detail.work.reason = work.reason
  return ok(detail)
}

export async function myWorks(input: { selectionId?: string }, ctx: Ctx): Promise<Result<MyWork[]>> {
  const denied = requireSignedIn(ctx)
  if (denied) return denied
  const where: Record<string, unknown> = { author: ctx.openid }
  if (input.selectionId) where.selectionId = input.selectionId
  const works = await getDocs<Work>(worksOf(ctx.db).where(where).orderBy('createdAt', 'desc').limit(50))
  const urls = await tempUrls(works.flatMap((w) => (w.status === 'rejected' ? [w.cover, ...w.images] : [w.cover])))
  return ok(works.map((w) => myWorkOf(w, urls)))
}

/** The author takes back a work under review or published; its vote records are kept. */
export async function withdrawWork(input: { workId: string }, ctx: Ctx): Promise<Result<MyWork>> {
  const denied = requireSignedIn(ctx)
  if (denied) return denied
  const _ = ctx.db.command
  const done = await updated(
    worksOf(ctx.db)
      .where({ _id: input.workId, author: ctx.openid, status: _.in(['pending', 'published']) })
      .update({ data: { status: 'withdrawn', updatedAt: toChinaIsoMs(ctx.now()) } }),
  )
  const work = await workById(ctx.db, input.workId)
  if (!work || work.author !== ctx.openid) return fail('NOT_FOUND', '没有找到您的这件作品，请返回「我的作品」刷新')
  if (!done && work.status !== 'withdrawn') return fail('CONFLICT', `这件作品当前状态为「${work.status === 'frozen' ? '已冻结' : '未通过'}」，不能撤回；如有疑问请联系组委会`)
  const urls = await tempUrls([work.cover])
  return ok(myWorkOf(work, urls))
}
