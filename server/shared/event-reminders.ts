// Event reminders (提醒我), as stored and as sent: one document per person and event in `eventReminders`
// (deterministic id `<eventId>-<account key>`, so asking twice never makes two), with the event's title,
// place and start copied in for the reminder run. The clinic reminder engine (server/clinic/reminders.ts)
// sends each once, EVENT_REMINDER_LEAD_HOURS before the start (or at the first run after quiet hours),
// through the same claim-then-deliver path as the clinic's day-before reminders. Publishing an event's
// new time or place updates the copies of reminders not yet sent (syncEventReminders). The festival
// function's actions (server/festival/reminders.ts) turn reminders on and off.
import type { DB } from 'wx-server-sdk'
import type { FestivalEvent } from '../../src/contract/model'
import { EVENT_REMINDER_LEAD_HOURS, type EventReminder } from '../../src/contract/reminders'
import { chinaLabel, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import { getDocs, updated } from '../core/db'
import { accountKey } from './clinic-identity'
import type { ReminderSource } from './reminder-source'

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

export const eventReminders = (db: DB.Database) => db.collection(COLLECTIONS.eventReminders)
export const eventReminderId = (eventId: string, openid: string) => `${eventId}-${accountKey(openid)}`

export function reminderView(doc: EventReminderDoc): EventReminder {
  const { _id, eventId, venueId, title, place, startAt, createdAt, remindedAt } = doc
  const state = doc.status === 'cancelled' ? 'cancelled' : remindedAt ? 'sent' : 'on'
  const out: EventReminder = { _id, eventId, venueId, title, place, startAt, state, createdAt }
  return remindedAt ? { ...out, remindedAt } : out
}

/** After an event's time, place or title is published anew: reminders not yet sent follow it. */
export async function syncEventReminders(db: DB.Database, event: FestivalEvent): Promise<number> {
  const _ = db.command
  return updated(eventReminders(db).where({ eventId: event._id, status: 'on', remindedAt: _.exists(false) })
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
        eventReminders(ctx.db).where({ status: 'on', startAt: _.gt(from).and(_.lte(to)), remindedAt: _.exists(false) }).limit(PAGE),
      )
      yield due
      if (due.length < PAGE) break
    }
  },
  async claim(ctx, doc, at) {
    const where = { _id: doc._id, status: 'on', remindedAt: ctx.db.command.exists(false) }
    return (await updated(eventReminders(ctx.db).where(where).update({ data: { remindedAt: at } }))) === 1
  },
  notice(doc) {
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
