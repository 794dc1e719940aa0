// Types of event reminders (提醒我): a resident asks to be told before a festival event starts; the
// clinic's reminder engine sends it (once, never at night) as a WeChat subscribe message. Types only.

/** How long before an event starts its reminder becomes due (sent by the next hourly run outside quiet hours). */
export const EVENT_REMINDER_LEAD_HOURS = 24

export type EventReminderState = 'on' | 'sent' | 'cancelled'

export const EVENT_REMINDER_STATE_LABELS: Record<EventReminderState, string> = {
  on: '待提醒',
  sent: '已提醒',
  cancelled: '已取消',
}

/** One person's reminder of one event, as they see it. */
export interface EventReminder {
  _id: string
  eventId: string
  venueId: string
  title: string
  place: string
  /** ISO 8601 +08:00, as the event's. */
  startAt: string
  state: EventReminderState
  createdAt: string
  remindedAt?: string
}

/** The 提醒我 control's view of one event: the caller's reminder, or null when they have none. */
export interface EventReminderStatus {
  reminder: EventReminder | null
}
