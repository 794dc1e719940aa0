// Expert review of typical cases: organisers assign experts to categories; an expert lists the published
// cases of their categories with only their own scores, and scores a case 0–100 (one score per expert
// and case, changeable until results are published). Nobody's answer ever includes another expert's score.
import type { Work } from '../../src/contract/selection'
import type { ExpertCase, ScoreOutcome } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaLabel, toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst } from '../core/db'
import { writeAudit } from './audit'
import { SELECTION_NOT_FOUND, canJudge, categoryOf, loadSelection, unknownCategory } from '../shared/selection-config'
import { tempUrls, urlOf } from '../shared/work-files'
import { requireExpert, requireOrganiser, saveExpertAssignment } from '../shared/staff-roles'
import { workById, worksOf } from './works'

interface ScoreDoc {
  _id: string
  workId: string
  score: number
  comment?: string
}

const scoresOf = (ctx: Ctx) => ctx.db.collection(COLLECTIONS.selectionScores)

export async function assignExpert(input: { selectionId: string; openid: string; categories: string[] }, ctx: Ctx): Promise<Result<{ auditId: string }>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const selection = await loadSelection(ctx.db, input.selectionId)
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  const unknown = unknownCategory(selection, input.categories)
  if (unknown) return unknown
  const staff = await getFirst<{ role: string }>(ctx.db.collection(COLLECTIONS.staff).where({ _id: input.openid }).limit(1))
  if (staff?.role !== 'expert') return fail('INVALID_INPUT', '这个微信身份还不是评审专家，请先让专家用邀请码绑定身份后再分配类别')
  await saveExpertAssignment(ctx, selection._id, input.openid, input.categories, ctx.openid)
  const auditId = await writeAudit(ctx, { action: 'expert.assign', selectionId: selection._id, detail: { expert: input.openid, categories: input.categories } })
  return ok({ auditId })
}

export async function expertCases(input: { selectionId: string; cursor?: string; pageSize: number }, ctx: Ctx): Promise<Result<{ items: ExpertCase[]; nextCursor: string | null }>> {
  const role = await requireExpert(ctx, input.selectionId)
  if (!role.ok) return role
  const _ = ctx.db.command
  const where: Record<string, unknown> = { selectionId: input.selectionId, kind: 'cases', status: 'published', category: _.in(role.categories) }
  if (input.cursor && /^\d+$/.test(input.cursor)) where.number = _.gt(Number(input.cursor))
  const found = await getDocs<Work>(worksOf(ctx.db).where(where).orderBy('number', 'asc').limit(input.pageSize + 1))
  const page = found.slice(0, input.pageSize)
  const [mine, urls] = await Promise.all([
    page.length === 0 ? Promise.resolve([]) : getDocs<ScoreDoc>(scoresOf(ctx).where({ expert: ctx.openid, workId: _.in(page.map((w) => w._id)) }).limit(100)),
    tempUrls(page.flatMap((w) => w.images)),
  ])
  const own = new Map(mine.map((s) => [s.workId, s]))
  const items = page.map((w): ExpertCase => {
    const item: ExpertCase = {
      workId: w._id, number: w.number ?? 0, title: w.title, category: w.category ?? '', text: w.story,
      imageUrls: w.images.map((f) => urlOf(urls, f)), votes: w.votes, myScore: own.get(w._id)?.score ?? null,
    }
    if (w.applicant) item.applicant = w.applicant
    const comment = own.get(w._id)?.comment
    if (comment) item.myComment = comment
    return item
  })
  const last = page[page.length - 1]
  return ok({ items, nextCursor: found.length > input.pageSize && last ? String(last.number) : null })
}

export async function scoreCase(input: { workId: string; score: number; comment?: string }, ctx: Ctx): Promise<Result<ScoreOutcome>> {
  const work = await workById(ctx.db, input.workId)
  if (!work || work.kind !== 'cases' || work.status !== 'published') return fail('NOT_FOUND', '没有找到这件已发布的典型案例，请刷新评审列表')
  const [role, selection] = await Promise.all([requireExpert(ctx, work.selectionId), loadSelection(ctx.db, work.selectionId)])
  if (!role.ok) return role
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  if (!role.categories.includes(work.category ?? '')) {
    return fail('FORBIDDEN', `您只能为分配给您的类别评分；这件案例属于「${categoryOf(selection, work.category)?.label ?? work.category}」类别`)
  }
  if (selection.results) return fail('FORBIDDEN', '评选结果已经公布，不能再修改评分')
  if (!canJudge(selection, ctx.now())) {
    const { judgeFrom, judgeUntil } = selection.windows
    const early = judgeFrom !== undefined && ctx.now().getTime() < Date.parse(judgeFrom)
    return fail('FORBIDDEN', early ? `专家评审将于 ${chinaLabel(new Date(judgeFrom))} 开始，请届时再评分` : `专家评审已于 ${chinaLabel(new Date(judgeUntil ?? ''))} 结束，不能再评分或修改`)
  }
  if (selection.weights.expert === 0) return fail('FORBIDDEN', '这项评选不设专家评分')
  const doc: Record<string, unknown> = {
    selectionId: selection._id, workId: work._id, category: work.category, expert: ctx.openid, score: input.score, at: toChinaIsoMs(ctx.now()),
  }
  if (input.comment) doc.comment = input.comment
  await scoresOf(ctx).doc(`${work._id}_${ctx.openid}`).set({ data: doc })
  await writeAudit(ctx, { action: 'case.score', selectionId: selection._id, workId: work._id, detail: { expert: ctx.openid, score: input.score } })
  return ok({ workId: work._id, score: input.score })
}
