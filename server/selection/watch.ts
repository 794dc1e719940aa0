// Vote watch for organisers: per-work vote counts in time buckets over a period (default the last 24 h,
// at most 7 days), computed by aggregating the vote records, with two flags — bursts (a bucket
// far above the work's average, and at least `burstVotes`) and votes from accounts first seen that China
// day (their first vote in this selection), when they are many and most of the bucket. The ledgers are
// scanned in chunks (ledger-scan.ts).
import type { Selection, WatchThresholds, Work } from '../../src/contract/selection'
import type { VoteWatch, WatchBucket, WatchFlag, WatchedWork } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaLabel, toChinaIso } from '../core/china-time'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import { SELECTION_NOT_FOUND, loadSelection } from './config'
import { scanLedgers } from './ledger-scan'
import { requireOrganiser } from './roles'
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
  const to = input.to ? Date.parse(input.to) : now.getTime()
  const from = input.from ? Date.parse(input.from) : to - DAY_MS
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
    const label = chinaLabel(new Date(b.start))
    if (b.votes >= thresholds.burstVotes && b.votes >= thresholds.burstFactor * average) {
      flags.push({ kind: 'burst', start: b.start, votes: b.votes, message: `${label} 起 ${bucketMinutes} 分钟内获得 ${b.votes} 票，远高于平时（平均每段 ${average.toFixed(1)} 票），请核查是否集中刷票` })
    }
    if (b.newAccountVotes >= thresholds.newAccountVotes && b.newAccountVotes >= thresholds.newAccountShare * b.votes) {
      const pct = Math.round((b.newAccountVotes / b.votes) * 100)
      flags.push({ kind: 'new_accounts', start: b.start, votes: b.newAccountVotes, message: `${label} 起 ${bucketMinutes} 分钟内有 ${b.newAccountVotes} 票（${pct}%）来自当天首次投票的账号，请核查是否为新注册账号集中投票` })
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
  const _ = ctx.db.command
  const $ = _.aggregate
  const inRange = _.gte(range.from).and(_.lt(range.to))
  const oneWork = input.workId ? { 'votes.w': input.workId } : {}
  const chunks = await scanLedgers<Group>(ctx.db, selection._id, { 'votes.t': inRange, ...oneWork }, (p) => p
    .unwind('$votes')
    .match({ 'votes.t': inRange, 'votes.v': _.exists(false), ...oneWork })
    .project({ w: '$votes.w', b: $.floor($.divide([$.subtract(['$votes.t', range.from]), range.size])), fresh: $.cond({ if: $.eq(['$votes.d', '$firstDay']), then: 1, else: 0 }) })
    .group({ _id: { w: '$w', b: '$b' }, n: $.sum(1), fresh: $.sum('$fresh') })
    .limit(MAX_BUCKETS * 1000))
  const merged = new Map<string, Group>()
  for (const g of chunks) {
    const key = `${g._id.w}|${g._id.b}`
    const seen = merged.get(key)
    if (seen) {
      seen.n += g.n
      seen.fresh += g.fresh
    } else merged.set(key, { ...g })
  }
  const groups = [...merged.values()]
  return ok({
    selectionId: selection._id, from: toChinaIso(new Date(range.from)), to: toChinaIso(new Date(range.to)), bucketMinutes: input.bucketMinutes,
    works: await watchedWorks(ctx, selection, groups, range, input.bucketMinutes),
  })
}

async function watchedWorks(ctx: Ctx, selection: Selection, groups: Group[], range: { from: number; to: number; size: number }, bucketMinutes: number): Promise<WatchedWork[]> {
  const byWork = new Map<string, Group[]>()
  for (const g of groups) byWork.set(g._id.w, [...(byWork.get(g._id.w) ?? []), g])
  const ids = [...byWork.keys()]
  const works = ids.length === 0 ? [] : await getDocs<Pick<Work, '_id' | 'number' | 'title'>>(
    worksOf(ctx.db).where({ _id: ctx.db.command.in(ids.slice(0, 1000)) }).field({ _id: true, number: true, title: true }).limit(1000),
  )
  const info = new Map(works.map((w) => [w._id, w]))
  const buckets = Math.ceil((range.to - range.from) / range.size)
  const thresholds = { ...WATCH_DEFAULTS, ...selection.watch }
  return ids
    .map((workId) => {
      const series = (byWork.get(workId) ?? [])
        .sort((a, b) => a._id.b - b._id.b)
        .map((g) => ({ start: toChinaIso(new Date(range.from + g._id.b * range.size)), votes: g.n, newAccountVotes: g.fresh }))
      return {
        workId, number: info.get(workId)?.number ?? null, title: info.get(workId)?.title ?? '',
        total: series.reduce((s, b) => s + b.votes, 0), newAccountVotes: series.reduce((s, b) => s + b.newAccountVotes, 0),
        series, flags: flagsOf(series, buckets, bucketMinutes, thresholds),
      }
    })
    .sort((a, b) => b.flags.length - a.flags.length || b.total - a.total)
}
