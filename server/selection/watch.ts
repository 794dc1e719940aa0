// Vote watch for organisers: per-work vote counts in time buckets over a period (default the last 24 h,
// at most 7 days), with two flags — bursts (a bucket far above the work's average, and at least
// `burstVotes`) and votes from accounts first seen that China day (their first vote in this selection),
// when they are many and most of the bucket. Read from the pre-aggregated hour documents the timer keeps
// (watch-buckets.ts) only — never the ledgers, so a page view costs the same requests at 1,000 and
// 1,000,000 votes and does no catch-up work (the timer does); the answer says up to when the hours
// count the votes (`coveredUntil`). The answer lists the flagged works first, then
// the most voted, at most WATCH_WORKS_MAX; the totals cover every work. It also tells how the full
// recount of the selection's votes stands (recount.ts): under way with its progress, or when it last finished.
import type { Selection, WatchThresholds, Work } from '../../src/contract/selection'
import { WATCH_WORKS_MAX, type VoteWatch, type WatchBucket, type WatchFlag, type WatchedWork } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaLabel, toChinaIso } from '../core/china-time'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import { SELECTION_NOT_FOUND, loadSelection } from '../shared/selection-config'
import { HOUR, MINUTE, floorTo, unpackHour, watchOf, type Cell, type HourDoc } from './watch-buckets'
import { requireOrganiser } from '../shared/staff-roles'
import { recountProgress } from './recount-state'
import { worksOf } from './works'

const DAY_MS = 24 * 3600 * 1000
const MAX_BUCKETS = 2016
export const WATCH_DEFAULTS: WatchThresholds = { burstVotes: 30, burstFactor: 5, newAccountVotes: 20, newAccountShare: 0.8 }

interface Group {
  _id: { w: string; b: number }
  n: number
  fresh: number
}

export function watchRange(input: { from?: string; to?: string; bucketMinutes: number }, now: Date): { from: number; to: number; size: number } | string {
  const to = Math.ceil((input.to ? Date.parse(input.to) : now.getTime()) / MINUTE) * MINUTE
  const from = floorTo(input.from ? Date.parse(input.from) : to - DAY_MS, MINUTE)
  const size = input.bucketMinutes * 60_000
  if (from >= to) return '开始时间应早于结束时间'
  if (to - from > 7 * DAY_MS) return '一次最多查看 7 天，请缩短时间范围'
  if ((to - from) / size > MAX_BUCKETS) return `时间段太多（最多 ${MAX_BUCKETS} 段），请加大每段分钟数或缩短时间范围`
  return { from, to, size }
}

function flagsOf(series: WatchBucket[], buckets: number, bucketMinutes: number, thresholds: WatchThresholds): WatchFlag[] {
  const total = series.reduce((sum, b) => sum + b.votes, 0)
  const average = total / Math.max(1, buckets)
  const flags: WatchFlag[] = []
  for (const b of series) {
    const label = () => chinaLabel(new Date(b.start))
    if (b.votes >= thresholds.burstVotes && b.votes >= thresholds.burstFactor * average) {
      flags.push({ kind: 'burst', start: b.start, votes: b.votes, message: `${label()} 起 ${bucketMinutes} 分钟内获得 ${b.votes} 票，远高于平时（平均每段 ${average.toFixed(1)} 票），请核查是否集中刷票` })
    }
    if (b.newAccountVotes >= thresholds.newAccountVotes && b.newAccountVotes >= thresholds.newAccountShare * b.votes) {
      const pct = Math.round((b.newAccountVotes / b.votes) * 100)
      flags.push({ kind: 'new_accounts', start: b.start, votes: b.newAccountVotes, message: `${label()} 起 ${bucketMinutes} 分钟内有 ${b.newAccountVotes} 票（${pct}%）来自当天首次投票的账号，请核查是否为新注册账号集中投票` })
    }
  }
  return flags
}

export async function voteWatch(input: { selectionId: string; workId?: string; from?: string; to?: string; bucketMinutes: number }, ctx: Ctx): Promise<Result<VoteWatch>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const selection = await loadSelection(ctx.db, input.selectionId)
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  const range = watchRange(input, ctx.now())
  if (typeof range === 'string') return fail('INVALID_INPUT', range)
  const merged = new Map<string, Group>()
  const [{ cells, coveredUntil }, recount] = await Promise.all([windowCells(ctx, selection, range.from, range.to, input.workId), recountProgress(ctx, selection._id)])
  for (const cell of cells) {
    const b = Math.floor((cell.m * MINUTE - range.from) / range.size)
    const key = `${cell.w}|${b}`
    const seen = merged.get(key)
    if (seen) {
      seen.n += cell.n
      seen.fresh += cell.f
    } else merged.set(key, { _id: { w: cell.w, b }, n: cell.n, fresh: cell.f })
  }
  const groups = [...merged.values()]
  const all = watchedWorks(selection, groups, range, input.bucketMinutes)
  const works = all.slice(0, WATCH_WORKS_MAX)
  const info = works.length === 0 ? [] : await getDocs<Pick<Work, '_id' | 'number' | 'title'>>(
    worksOf(ctx.db).where({ _id: ctx.db.command.in(works.map((w) => w.workId)) }).field({ _id: true, number: true, title: true }).limit(WATCH_WORKS_MAX),
  )
  const byId = new Map(info.map((w) => [w._id, w]))
  for (const work of works) Object.assign(work, { number: byId.get(work.workId)?.number ?? null, title: byId.get(work.workId)?.title ?? '' })
  return ok({
    selectionId: selection._id, from: toChinaIso(new Date(range.from)), to: toChinaIso(new Date(range.to)), bucketMinutes: input.bucketMinutes, works,
    totalVotes: all.reduce((n, w) => n + w.total, 0), worksWithVotes: all.length, flaggedWorks: all.filter((w) => w.flags.length > 0).length,
    coveredUntil: toChinaIso(new Date(coveredUntil)), recount,
  })
}

/**
 * The period's cells as far as the hour documents cover it, and that instant: the first hour of the period
 * the timer has not aggregated in full stops the coverage (a page view never reads the ledgers).
 */
async function windowCells(ctx: Ctx, selection: Selection, from: number, to: number, workId?: string): Promise<{ cells: Cell[]; coveredUntil: number }> {
  const _ = ctx.db.command
  const first = floorTo(from, HOUR)
  const fields: Record<string, boolean> = workId ? { h: true, upTo: true, [`c.${workId}`]: true } : { h: true, upTo: true, c: true }
  const pages: Array<Promise<HourDoc[]>> = []
  for (let h = first; h < to; h += 24 * HOUR) {
    pages.push(getDocs<HourDoc>(watchOf(ctx.db).where({ selectionId: selection._id, h: _.gte(h).and(_.lt(Math.min(to, h + 24 * HOUR))) }).field(fields).limit(24)))
  }
  const docs = (await Promise.all(pages)).flat()
  const voteFrom = Date.parse(selection.windows.voteFrom)
  const covered = new Map(docs.map((d) => [d.h, d.upTo]))
  const coverage = (h: number) => (h + HOUR <= voteFrom ? h + HOUR : covered.get(h) ?? h)
  let coveredUntil = to
  for (let h = first; h < to; h += HOUR) {
    if (coverage(h) < Math.min(h + HOUR, to)) {
      coveredUntil = Math.max(coverage(h), from)
      break
    }
  }
  const cells = docs.flatMap(unpackHour).filter((c) => c.m * MINUTE >= from && c.m * MINUTE < coveredUntil)
  return { cells, coveredUntil }
}

function watchedWorks(selection: Selection, groups: Group[], range: { from: number; to: number; size: number }, bucketMinutes: number): WatchedWork[] {
  const byWork = new Map<string, Group[]>()
  for (const g of groups) {
    const list = byWork.get(g._id.w)
    if (list) list.push(g)
    else byWork.set(g._id.w, [g])
  }
  const buckets = Math.ceil((range.to - range.from) / range.size)
  const thresholds = { ...WATCH_DEFAULTS, ...selection.watch }
  // One China-time label per bucket, not per work and bucket (10,000 works × 24 buckets at festival scale).
  const starts: string[] = []
  const startOf = (b: number) => (starts[b] ??= toChinaIso(new Date(range.from + b * range.size)))
  return [...byWork.keys()]
    .map((workId) => {
      const series = (byWork.get(workId) ?? [])
        .sort((a, b) => a._id.b - b._id.b)
        .map((g) => ({ start: startOf(g._id.b), votes: g.n, newAccountVotes: g.fresh }))
      return {
        workId, number: null, title: '',
        total: series.reduce((s, b) => s + b.votes, 0), newAccountVotes: series.reduce((s, b) => s + b.newAccountVotes, 0),
        series, flags: flagsOf(series, buckets, bucketMinutes, thresholds),
      }
    })
    .sort((a, b) => b.flags.length - a.flags.length || b.total - a.total)
}
