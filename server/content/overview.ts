// 数据概览: the organisers' charts, for the whole festival or one venue (staff: their own venue). Every
// chart comes from counters kept on the documents (offers' claims, lectures' views), from figures kept by
// a timer, or from ONE aggregate per chart (grouped on the server), never from reading every record on
// each visit. The clinic charts (sign-ups per day and venue, attendance per slot) read the clinic figures
// kept by clinicAdmin's `clinicFigures` timer (server/shared/clinic-figures.ts: per slot and per venue,
// two requests whatever the number of sign-ups), exact up to its cutoff, answered as `figuresAt` (a
// run every 5 minutes, 2 minutes behind: the page says 数据更新于 HH:mm).
// Votes per day come from the vote watch's hourly pre-aggregates (`selectionWatch`, kept by the
// selection function's timer; server/selection/watch-buckets.ts): one aggregate sums each hour
// document's per-work minute cells and groups the hours by China day (China hours start on UTC hours,
// so each hour falls in one day). They are valid votes up to the watch's last pass (a few minutes back),
// voided votes already taken out. Read only: the selection function alone writes those documents.
import type { Overview, OverviewChart } from '../../src/contract/overview'
import { fail, ok, type Result } from '../../src/contract/result'
import { allowVenue, staffMember } from '../core/auth'
import { chinaDate, chinaInstant } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import { readFigures } from '../shared/clinic-figures'

interface Group<K> { _id: K; n: number }

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

const WORK_STATUS_LABELS: Record<string, string> = {
  pending: '待审核', published: '已发布', rejected: '未通过', withdrawn: '已撤回', voided: '已作废',
}

async function groups<K>(query: { end(): unknown }): Promise<Group<K>[]> {
  return ((await query.end()) as { list?: Group<K>[] }).list ?? []
}

export async function overview(festivalId: string, venueId: string | undefined, ctx: Ctx): Promise<Result<Overview>> {
  const member = await staffMember(ctx)
  if (!member) return fail('FORBIDDEN', '数据概览仅限文化节组委会和分会场工作人员查看')
  const venue = member.role === 'staff' ? member.venueId : venueId
  if (venue) {
    const allowed = allowVenue(member, venue)
    if (!allowed.ok) return allowed
  }
  const _ = ctx.db.command
  const $ = _.aggregate
  const [venues, selections] = await Promise.all([
    getDocs<{ _id: string; name: string }>(ctx.db.collection(COLLECTIONS.venues).where({ festivalId })
      .field({ _id: true, name: true }).orderBy('order', 'asc').limit(100)),
    venue ? Promise.resolve([]) : getDocs<{ _id: string }>(ctx.db.collection(COLLECTIONS.selections).where({ festivalId }).field({ _id: true }).limit(100)),
  ])
  const selectionIds = selections.map((s) => s._id)
  const venueIds = venue ? [venue] : venues.map((v) => v._id)
  const inVenues = { venueId: _.in(venueIds) }
  const nameOf = new Map(venues.map((v) => [v._id, v.name]))

  const [figures, slots, offers, redeemed, works, votes, lectures] = await Promise.all([
    readFigures(ctx.db, venueIds),
    getDocs<{ _id: string; title: string; date: string; startTime: string; endTime: string }>(ctx.db.collection(COLLECTIONS.clinicSlots).where(inVenues)
      .field({ _id: true, title: true, date: true, startTime: true, endTime: true }).orderBy('date', 'asc').limit(200)),
    getDocs<{ _id: string; title: string; claimed: number; places: number | null }>(ctx.db.collection(COLLECTIONS.offers).where({ festivalId, ...inVenues })
      .field({ _id: true, title: true, claimed: true, places: true }).orderBy('order', 'asc').limit(200)),
    groups<string>(ctx.db.collection(COLLECTIONS.offerClaims).aggregate().match({ ...inVenues, status: 'redeemed' })
      .group({ _id: '$offerId', n: $.sum(1) }).limit(1000)),
    venue ? Promise.resolve([]) : groups<string>(ctx.db.collection(COLLECTIONS.selectionWorks).aggregate()
      .match({ selectionId: _.in(selectionIds) }).group({ _id: '$status', n: $.sum(1) }).limit(50)),
    venue ? Promise.resolve([]) : groups<number>(ctx.db.collection(COLLECTIONS.selectionWatch).aggregate()
      .match({ selectionId: _.in(selectionIds), h: _.exists(true) })
      .project({ day: $.floor($.divide([$.add(['$h', 8 * HOUR_MS]), DAY_MS])), cells: $.objectToArray('$c') })
      .unwind('$cells')
      .project({
        day: true,
        n: $.reduce({ input: $.range([1, $.size('$cells.v'), 3]), initialValue: 0, in: $.add(['$$value', $.arrayElemAt(['$cells.v', '$$this'])]) }),
      })
      .group({ _id: '$day', n: $.sum('$n') }).sort({ _id: 1 }).limit(400)),
    venue ? Promise.resolve([]) : getDocs<{ _id: string; title: string; views: number }>(ctx.db.collection(COLLECTIONS.lectures)
      .where({ festivalId, published: true }).field({ _id: true, title: true, views: true }).orderBy('views', 'desc').limit(20)),
  ])

  const perDay = new Map<string, number>()
  const byVenue = new Map<string, number>()
  for (const v of figures.venues.values()) {
    for (const [day, n] of Object.entries(v.days)) perDay.set(day, (perDay.get(day) ?? 0) + n)
    byVenue.set(v.venueId, Object.entries(v.n).reduce((sum, [status, n]) => (status === 'cancelled' ? sum : sum + n), 0))
  }
  const redeemedOf = new Map(redeemed.map((g) => [g._id, g.n]))
  const now = ctx.now().getTime()
  const festivalWide = '作品、投票和讲座属于整个文化节，不按分会场统计'

  const charts: OverviewChart[] = [
    { key: 'signupsPerDay', title: '每日义诊报名', series: ['报名'], rows: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, n]) => ({ label: day.slice(5), values: [n] })) },
    {
      key: 'signupsPerVenue', title: '各分会场义诊报名（不含取消）', series: ['报名'],
      rows: venueIds.map((id) => ({ label: nameOf.get(id) ?? id, values: [byVenue.get(id) ?? 0] })),
    },
    {
      key: 'attendancePerSlot', title: '各场次签到与未到', series: ['签到', '未到'],
      rows: slots.filter((s) => chinaInstant(s.date, s.endTime).getTime() < now).map((s) => {
        const c = figures.slots.get(s._id)?.n ?? {}
        return { label: `${s.date.slice(5)} ${s.startTime} ${s.title}`, values: [c.checked_in ?? 0, c.confirmed ?? 0] }
      }),
    },
    {
      key: 'offers', title: '惠民优惠领取与核销', series: ['领取', '核销'],
      rows: offers.filter((o) => o.places !== null).map((o) => ({ label: o.title, values: [o.claimed, redeemedOf.get(o._id) ?? 0] })),
    },
    {
      key: 'worksByStatus', title: '征集作品状态', series: ['作品'],
      rows: works.map((g) => ({ label: WORK_STATUS_LABELS[g._id] ?? g._id, values: [g.n] })),
      ...(venue ? { note: festivalWide } : {}),
    },
    {
      key: 'votesPerDay', title: '每日有效投票', series: ['投票'],
      rows: votes.filter((g) => g.n > 0).map((g) => ({ label: chinaDate(new Date(g._id * DAY_MS)).slice(5), values: [g.n] })),
      ...(venue ? { note: festivalWide } : {}),
    },
    {
      key: 'lectureViews', title: '科普讲座观看', series: ['观看人次'],
      rows: lectures.map((l) => ({ label: l.title, values: [l.views] })),
      ...(venue ? { note: festivalWide } : {}),
    },
  ]
  return ok({ festivalId, venueId: venue ?? null, charts, figuresAt: figures.at, figuresCatchUp: figures.catchUp })
}
