// Browsing the festival: home, sub-venues, a sub-venue's programme, one event, how to reach venues
// (read-only and public); a resident's reminders of events (提醒我).
import type { Festival, Venue, VenueSummary } from '../../src/contract/model'
import { fail, ok } from '../../src/contract/result'
import { phaseOf } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import { getDocs, getFirst } from '../core/db'
import type { Handlers } from '../core/router'
import type { Ctx } from '../core/context'
import type { Selection } from '../../src/contract/selection'
import { tempUrls } from '../shared/work-files'
import { currentFestival, eventById, festivalVenues, venueById, venueEvents } from '../shared/festival-queries'
import { cancelReminder, myReminders, reminderStatus, remindEvent } from './reminders'
import { venuePlaces } from './places'

function summarise(venue: Venue, now: Date): VenueSummary {
  const { _id, name, host, district, place, startDate, endDate, theme } = venue
  const summary: VenueSummary = { _id, name, host, district, place, startDate, endDate, phase: phaseOf(venue, now) }
  return theme ? { ...summary, theme } : summary
}

function view(festival: Festival, now: Date) {
  const { published: _published, ...rest } = festival
  return { ...rest, phase: phaseOf(festival, now) }
}

type SelectionWindowsDoc = Pick<Selection, 'kind' | 'windows' | 'results'>

/** The published selections of a festival with their windows: what the home tiles' deadlines read. */
function festivalSelections(ctx: Ctx, festivalId: string): Promise<SelectionWindowsDoc[]> {
  return getDocs<SelectionWindowsDoc>(ctx.db.collection(COLLECTIONS.selections).where({ festivalId, published: true })
    .field({ kind: true, windows: true, results: true }).orderBy('order', 'asc').limit(20))
}

export const festivalHandlers: Handlers<'festival'> = {
  async home(_input, ctx) {
    const festival = await currentFestival(ctx.db)
    if (!festival) return ok({ festival: null, venues: [] })
    const [venues, selections, banner] = await Promise.all([
      festivalVenues(ctx.db, festival._id),
      festivalSelections(ctx, festival._id),
      festival.bannerFileId ? tempUrls([festival.bannerFileId]).then((urls) => urls.get(festival.bannerFileId ?? '') ?? '') : Promise.resolve(''),
    ])
    const now = ctx.now()
    const shown = { ...view(festival, now), ...(banner ? { bannerUrl: banner } : {}) }
    const strands = shown.strands.map((strand) => {
      const selection = selections.find((s) => s.kind === strand.key)
      return selection ? { ...strand, windows: selection.windows, announced: Boolean(selection.results) } : strand
    })
    return ok({ festival: { ...shown, strands }, venues: venues.map((v) => summarise(v, now)) })
  },

  async editions(_input, ctx) {
    const docs = await getDocs<Festival>(ctx.db.collection(COLLECTIONS.festivals).where({ published: true })
      .field({ _id: true, name: true, year: true, startDate: true, endDate: true }).orderBy('startDate', 'desc').limit(50))
    return ok(docs.map(({ _id, name, year, startDate, endDate }) => ({ _id, name, year, startDate, endDate, published: true })))
  },

  async venues(input, ctx) {
    const festivalId = input.festivalId
      ? (await getFirst<Festival>(ctx.db.collection(COLLECTIONS.festivals).where({ _id: input.festivalId, published: true }).field({ _id: true }).limit(1)))?._id
      : (await currentFestival(ctx.db))?._id
    if (!festivalId) return ok([])
    const now = ctx.now()
    return ok((await festivalVenues(ctx.db, festivalId)).map((v) => summarise(v, now)))
  },

  async venue(input, ctx) {
    const [venue, events] = await Promise.all([venueById(ctx.db, input.venueId), venueEvents(ctx.db, input.venueId)])
    if (!venue) return fail('NOT_FOUND', '没有找到这个分会场，请返回分会场列表重新选择')
    const { order: _order, ...rest } = venue
    return ok({ venue: { ...rest, phase: phaseOf(venue, ctx.now()) }, events })
  },

  async event(input, ctx) {
    const event = await eventById(ctx.db, input.eventId)
    if (!event) return fail('NOT_FOUND', '没有找到这项活动，可能已调整，请返回分会场查看最新日程')
    const venue = await venueById(ctx.db, event.venueId)
    if (!venue) return fail('NOT_FOUND', '这项活动所属的分会场已不存在，请返回首页')
    const { _id, name, host, address, place, latitude, longitude, phone } = venue
    return ok({ event, venue: { _id, name, host, address, place, latitude, longitude, phone } })
  },

  async places(input, ctx) {
    const ids = [...new Set(input.venueIds)]
    const found = new Map((await venuePlaces(ctx.db, ids)).map((place) => [place._id, place]))
    return ok(ids.flatMap((id) => found.get(id) ?? []))
  },

  reminder: (input, ctx) => reminderStatus(input.eventId, ctx),
  remind: (input, ctx) => remindEvent(input.eventId, ctx),
  cancelReminder: (input, ctx) => cancelReminder(input.eventId, ctx),
  myReminders: (_input, ctx) => myReminders(ctx),
}
