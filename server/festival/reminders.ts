// The festival function's event-reminder actions (提醒我): the caller's reminder of an event, turning it on
// (idempotent) and off, and 我的 list. Storage and sending: server/shared/event-reminders.ts.
import { type EventReminder, type EventReminderStatus } from '../../src/contract/reminders'
import { fail, ok, type Result } from '../../src/contract/result'
import { toChinaIso } from '../core/china-time'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, isDuplicateKey, updated } from '../core/db'
import { eventById } from '../shared/festival-queries'
import { eventReminderId as idOf, eventReminders as reminders, reminderView as view, type EventReminderDoc } from '../shared/event-reminders'

const MAX_MINE = 100
const HOUR_MS = 3600 * 1000

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
