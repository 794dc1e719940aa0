// Event reminders (提醒我): one document per person and event in `eventReminders` (deterministic id
// `<eventId>-<viewer key>`, so asking twice never makes two), with the event's title, place and start
// copied in for the reminder run. The clinic reminder engine (server/clinic/reminders.ts) sends each
// once, EVENT_REMINDER_LEAD_HOURS before the start (or at the first run after quiet hours), through the
// same claim-then-deliver path as the clinic's day-before reminders. Publishing an event's new time or
// place updates the copies of reminders not yet sent (syncEventReminders).
import type { DB } from 'wx-server-sdk'
import type { FestivalEvent } from '../../src/contract/model'
import { EVENT_REMINDER_LEAD_HOURS, type EventReminder, type EventReminderStatus } from '../../src/contract/reminders'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaLabel, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, isDuplicateKey, updated } from '../core/db'
import type { Notice } from '../clinic/notifier'
import type { ReminderSource } from '../clinic/reminders'
import { viewerKey } from '../content/store'
import { eventById } from './queries'

const MAX_MINE = 100
const PAGE = 100
const MAX_PAGES = 50
const HOUR_MS = 3600 * 1000

/** Where an event reminder opens the app. */
export const EVENT_NOTICE_PAGE = 'pages/event/index'

export interface EventReminderDoc {
  _id: string
  openid: string
  eventId: string
  festivalId: string
  venueId: string
  title: string
  place: string
  startAt: string
  status: 'on' | 'cancelled'
  createdAt: string
  remindedAt?: string
  cancelledAt?: string
}

const reminders = (db: DB.Database) => db.collection(COLLECTIONS.eventReminders)
const idOf = (eventId: string, openid: string) => `${eventId}-${viewerKey(openid)}`

function view(doc: EventReminderDoc): EventReminder {
  const { _id, eventId, venueId, title, place, startAt, createdAt, remindedAt } = doc
  const state = doc.status === 'cancelled' ? 'cancelled' : remindedAt ? 'sent' : 'on'
  const out: EventReminder = { _id, eventId, venueId, title, place, startAt, state, createdAt }
  return remindedAt ? { ...out, remindedAt } : out
}

const SIGN_IN = '请在微信中打开小程序后设置提醒'

export async function reminderStatus(eventId: string, ctx: Ctx): Promise<Result<EventReminderStatus>> {
  if (!ctx.openid) return ok({ reminder: null })
  const doc = await getFirst<EventReminderDoc>(reminders(ctx.db).where({ _id: idOf(eventId, ctx.openid) }).limit(1))
  return ok({ reminder: doc ? view(doc) : null })
}

/** Turns the caller's reminder of an event on (idempotent; a reminder already sent is not sent again). */
export async function remindEvent(eventId: string, ctx: Ctx): Promise<Result<EventReminder>> {
  if (!ctx.openid) return fail('UNAUTHENTICATED', SIGN_IN)
  const event = await eventById(ctx.db, eventId)
  if (!event) return fail('NOT_FOUND', '没有找到这项活动，可能已调整，请返回分会场查看最新日程')
  const now = ctx.now()
  if (new Date(event.startAt).getTime() <= now.getTime()) return fail('CONFLICT', '这项活动已经开始，无需再设置提醒')
  const id = idOf(eventId, ctx.openid)
  const doc: EventReminderDoc = {
    _id: id, openid: ctx.openid, eventId, festivalId: event.festivalId, venueId: event.venueId, title: event.title,
    place: event.place, startAt: event.startAt, status: 'on', createdAt: toChinaIso(now),
  }
  try {
    await reminders(ctx.db).add({ data: doc })
    return ok(view(doc))
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  const _ = ctx.db.command
  await reminders(ctx.db).where({ _id: id, status: 'cancelled' }).update({ data: { status: 'on', cancelledAt: _.remove() } })
  const now2 = await getFirst<EventReminderDoc>(reminders(ctx.db).where({ _id: id }).limit(1))
  return now2 ? ok(view(now2)) : fail('CONFLICT', '提醒刚刚有变化，请重试')
}

export async function cancelReminder(eventId: string, ctx: Ctx): Promise<Result<EventReminder>> {
  if (!ctx.openid) return fail('UNAUTHENTICATED', SIGN_IN)
  const id = idOf(eventId, ctx.openid)
  const at = toChinaIso(ctx.now())
  await updated(reminders(ctx.db).where({ _id: id, status: 'on' }).update({ data: { status: 'cancelled', cancelledAt: at } }))
  const doc = await getFirst<EventReminderDoc>(reminders(ctx.db).where({ _id: id }).limit(1))
  return doc ? ok(view(doc)) : fail('NOT_FOUND', '您没有设置这项活动的提醒')
}

/** The caller's reminders still to come (on or sent, events not yet over a day), soonest first. */
export async function myReminders(ctx: Ctx): Promise<Result<EventReminder[]>> {
  if (!ctx.openid) return ok([])
  const _ = ctx.db.command
  const since = toChinaIso(new Date(ctx.now().getTime() - 24 * HOUR_MS))
  const docs = await getDocs<EventReminderDoc>(
    reminders(ctx.db).where({ openid: ctx.openid, status: 'on', startAt: _.gte(since) }).orderBy('startAt', 'asc').limit(MAX_MINE),
  )
  return ok(docs.map(view))
}

/** After an event's time, place or title is published anew: reminders not yet sent follow it. */
export async function syncEventReminders(db: DB.Database, event: FestivalEvent): Promise<number> {
  const _ = db.command
  return updated(reminders(db).where({ eventId: event._id, status: 'on', remindedAt: _.exists(false) })
    .update({ data: { title: event.title, place: event.place, startAt: event.startAt } }))
}

/** Reminders on and not yet sent of events starting within the lead time (and not started yet). */
export const eventReminderSource: ReminderSource<EventReminderDoc> = {
  name: 'event',
  async *pages(ctx, now) {
    const _ = ctx.db.command
    const from = toChinaIso(now)
    const to = toChinaIso(new Date(now.getTime() + EVENT_REMINDER_LEAD_HOURS * HOUR_MS))
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const due = await getDocs<EventReminderDoc>(
        reminders(ctx.db).where({ status: 'on', startAt: _.gt(from).and(_.lte(to)), remindedAt: _.exists(false) }).limit(PAGE),
      )
      yield due
      if (due.length < PAGE) break
    }
  },
  async claim(ctx, doc, at) {
    const where = { _id: doc._id, status: 'on', remindedAt: ctx.db.command.exists(false) }
    return (await updated(reminders(ctx.db).where(where).update({ data: { remindedAt: at } }))) === 1
  },
  notice(doc): Notice {
    const when = chinaLabel(new Date(doc.startAt))
    return {
      kind: 'event',
      openid: doc.openid,
      signupId: doc._id,
      slotId: doc.eventId,
      title: '您关注的活动即将开始',
      body: `「${doc.title}」将于 ${when} 在${doc.place}开始，欢迎准时参加。`,
      page: `${EVENT_NOTICE_PAGE}?id=${doc.eventId}`,
      fields: { slot: doc.title, time: doc.startAt.slice(0, 16).replace('T', ' '), place: doc.place, tip: '活动即将开始，欢迎准时参加' },
    }
  },
  outboxId: (doc) => `event-${doc._id}`,
}
