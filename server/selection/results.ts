// Weights, publishing results and reading them. Publishing (organisers, after voting closes) finishes
// interrupted void jobs and runs one bounded step of the vote-count repair (recount.ts) — the votes since
// the timer's last run, which has kept the counters at their ballots until then, so this reads few
// ledgers however many votes were cast; while a void job or a full recount pass is still under way it
// refuses with their progress, and each call moves them on — then publishes from the works' maintained counts; it averages expert scores, scores each group (case
// category, or the whole selection) with the formula in final-score.ts, stores one results document per
// group, and opens the public-notice period. Reading a results page is one query (a slice of that document).
import type { Work } from '../../src/contract/selection'
import type { PublishOutcome, ResultEntry, ResultsView } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { addChinaDays, chinaDate, chinaInstant, chinaLabel, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst } from '../core/db'
import { writeAudit } from './audit'
import { SELECTION_NOT_FOUND, categoryOf, forgetSelection, loadSelection } from '../shared/selection-config'
import { recountStep } from './recount'
import { SETTLE_MS, recountPass } from './recount-state'
import { resumeVoidJobs } from './void'
import { formulaText, scoreGroup } from './final-score'
import { requireOrganiser } from '../shared/staff-roles'
import { worksOf } from './works'

const resultsOf = (ctx: Ctx) => ctx.db.collection(COLLECTIONS.selectionResults)

export async function setWeights(input: { selectionId: string; vote: number; expert: number }, ctx: Ctx): Promise<Result<{ auditId: string }>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const selection = await loadSelection(ctx.db, input.selectionId)
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  if (selection.results) return fail('FORBIDDEN', '结果已经公布，不能再修改权重')
  if (selection.kind !== 'cases' && input.expert > 0) {
    const message = '照片和短视频评选没有专家评分环节，最终得分只看网络投票：专家权重须为 0'
    return fail('INVALID_INPUT', message, [{ path: 'expert', message }])
  }
  const weights = { vote: input.vote, expert: input.expert }
  await ctx.db.collection(COLLECTIONS.selections).doc(selection._id).update({ data: { weights } })
  forgetSelection(selection._id)
  const auditId = await writeAudit(ctx, { action: 'weights.set', selectionId: selection._id, detail: { before: selection.weights, after: weights } })
  return ok({ auditId })
}

async function publishedWorks(ctx: Ctx, selectionId: string): Promise<Work[]> {
  const all: Work[] = []
  for (;;) {
    const last = all[all.length - 1]?.number ?? 0
    const page = await getDocs<Work>(
      worksOf(ctx.db).where({ selectionId, status: 'published', number: ctx.db.command.gt(last) }).orderBy('number', 'asc')
        .field({ _id: true, number: true, title: true, votes: true, voided: true, category: true, applicant: true }).limit(1000),
    )
    all.push(...page)
    if (page.length < 1000) return all
  }
}

async function expertMeans(ctx: Ctx, selectionId: string): Promise<Map<string, { mean: number; n: number }>> {
  const $ = ctx.db.command.aggregate
  const res = (await ctx.db.collection(COLLECTIONS.selectionScores).aggregate()
    .match({ selectionId }).group({ _id: '$workId', mean: $.avg('$score'), n: $.sum(1) }).limit(1_000_000).end()) as { list?: Array<{ _id: string; mean: number; n: number }> }
  return new Map((res.list ?? []).map((g) => [g._id, { mean: g.mean, n: g.n }]))
}

export async function publishResults(input: { selectionId: string; noticeDays?: number }, ctx: Ctx): Promise<Result<PublishOutcome>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const selection = await loadSelection(ctx.db, input.selectionId)
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  const now = ctx.now()
  if (now.getTime() < Date.parse(selection.windows.voteUntil)) {
    return fail('FORBIDDEN', `投票要到 ${chinaLabel(new Date(selection.windows.voteUntil))} 才结束，结束后才能发布结果`)
  }
  if (now.getTime() < Date.parse(selection.windows.voteUntil) + SETTLE_MS) {
    return fail('FORBIDDEN', `投票刚刚结束，票数还在核对，请在 ${chinaLabel(new Date(Date.parse(selection.windows.voteUntil) + SETTLE_MS))} 之后再发布`)
  }
  let works = await publishedWorks(ctx, selection._id)
  if (works.length === 0) return fail('FORBIDDEN', '还没有已发布的作品，无法发布结果')
  const means = selection.weights.expert > 0 ? await expertMeans(ctx, selection._id) : new Map<string, { mean: number; n: number }>()
  const unscored = selection.weights.expert > 0 ? works.filter((w) => !means.has(w._id)) : []
  if (unscored[0]) {
    return fail('FORBIDDEN', `还有 ${unscored.length} 件作品没有专家评分（如 ${unscored[0].number} 号「${unscored[0].title}」），请提醒评审专家完成评分后再发布`)
  }
  const started = Date.now()
  const voids = await resumeVoidJobs(ctx, selection._id, 0, undefined, started + recountPass.voidMs)
  const voiding = voids.find((j) => j.outcome && !j.outcome.finished)?.outcome
  if (voiding) return fail('CONFLICT', `作废投票还在进行（已作废 ${voiding.voided} / ${voiding.planned} 票），请一分钟后再发布`)
  const { tally, progress } = await recountStep(ctx, selection, started + recountPass.budgetMs)
  if (progress.running) return fail('CONFLICT', `票数正在全面核对（已处理 ${progress.scanned} / ${progress.total} 位投票人的记录），请几分钟后再发布`)
  if (tally.busy > 0) return fail('CONFLICT', '有作品的票数正在核对，请一分钟后再发布')
  const recounted = tally.fixed
  if (recounted > 0) works = await publishedWorks(ctx, selection._id)
  const groups = selection.kind === 'cases' ? selection.categories.map((c) => c.key) : ['all']
  const publishedAt = toChinaIso(now)
  for (const group of groups) {
    const members = works.filter((w) => group === 'all' || w.category === group)
    const scored = scoreGroup(members.map((w) => ({ workId: w._id, number: w.number ?? 0, votes: w.votes, expertMean: means.get(w._id)?.mean ?? null, expertCount: means.get(w._id)?.n ?? 0 })), selection.weights)
    const info = new Map(members.map((w) => [w._id, w]))
    const entries = scored.map((s): ResultEntry => {
      const w = info.get(s.workId)
      const entry: ResultEntry = { rank: s.rank, workId: s.workId, number: s.number, title: w?.title ?? '', votes: s.votes, voteScore: s.voteScore, expertScore: s.expertScore, expertCount: s.expertCount, finalScore: s.finalScore, working: s.working }
      if (w?.category) entry.category = w.category
      if (w?.applicant) entry.applicant = w.applicant
      return entry
    })
    await resultsOf(ctx).doc(`${selection._id}_${group}`).set({ data: { selectionId: selection._id, group, entries, publishedAt } })
  }
  const noticeDays = input.noticeDays ?? selection.noticeDays
  const noticeUntil = toChinaIso(chinaInstant(addChinaDays(chinaDate(now), noticeDays + 1), '00:00'))
  const results = { publishedAt, noticeUntil, formula: formulaText(selection.weights) }
  await ctx.db.collection(COLLECTIONS.selections).doc(selection._id).update({ data: { results } })
  forgetSelection(selection._id)
  const auditId = await writeAudit(ctx, { action: 'results.publish', selectionId: selection._id, detail: { ...results, works: works.length, recounted, weights: selection.weights } })
  return ok({ selectionId: selection._id, publishedAt, noticeUntil, formula: results.formula, works: works.length, recounted, auditId })
}

export async function readResults(input: { selectionId: string; category?: string; cursor?: string; pageSize: number }, ctx: Ctx): Promise<Result<ResultsView>> {
  const selection = await loadSelection(ctx.db, input.selectionId, { cached: true })
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  if (!selection.results) return fail('FORBIDDEN', '评选结果尚未公布，请留意组委会的通知')
  if (selection.kind === 'cases' && !categoryOf(selection, input.category)) return fail('INVALID_INPUT', '典型案例按类别公布结果，请先选择一个类别')
  const offset = input.cursor && /^o:\d+$/.test(input.cursor) ? Number(input.cursor.slice(2)) : 0
  const group = selection.kind === 'cases' ? (input.category as string) : 'all'
  const doc = await getFirst<{ entries: ResultEntry[] }>(
    resultsOf(ctx).where({ _id: `${selection._id}_${group}` }).field({ entries: ctx.db.command.project.slice([offset, input.pageSize + 1]) }).limit(1),
  )
  const entries = doc?.entries ?? []
  const view: ResultsView = {
    selectionId: selection._id,
    phase: ctx.now().getTime() < Date.parse(selection.results.noticeUntil) ? 'notice' : 'announced',
    publishedAt: selection.results.publishedAt, noticeUntil: selection.results.noticeUntil,
    weights: selection.weights, formula: selection.results.formula,
    items: entries.slice(0, input.pageSize),
    nextCursor: entries.length > input.pageSize ? `o:${offset + input.pageSize}` : null,
  }
  if (input.category) view.category = input.category
  return ok(view)
}
