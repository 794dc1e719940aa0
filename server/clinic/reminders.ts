// The reminder engine, one code path for every kind of reminder: clinic sign-ups the day before their
// slot, and festival events a resident asked to be reminded of (提醒我, server/festival/reminders.ts).
// Run by the clinic function's timer trigger (config.json; hourly, so it works whatever timezone the cron
// is read in) or by an organiser by hand; timer runs stay quiet outside 09:00–21:00 China time. Each
// source yields its due items page by page; each item is claimed (its `remindedAt` set where it was
// absent) before its message is sent, so a reminder goes out once however often the timer fires.
import type { ReminderRun } from '../../src/contract/clinic'
import { ok, type Result } from '../../src/contract/result'
import { requireOrganiser } from '../core/auth'
import { addChinaDays, chinaDate, chinaHour, chinaLabel, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import { eventReminderSource } from '../shared/event-reminders'
import type { ReminderSource } from '../shared/reminder-source'
import { deliver, NOTICE_PAGE } from './notifier'
import { slotStart } from '../shared/slot-rules'
import { transition } from './signup-store'
import { slotProjection } from './slot-store'
import type { SignupDoc, SlotDoc } from '../shared/clinic-records'

export const REMINDER_BATCH = 100
/** Pages one source may take per run (100 × 50 = 5,000 reminders), so a run ends within its time limit. */
export const MAX_REMINDER_PAGES = 50

export const QUIET_BEFORE_HOUR = 9
export const QUIET_FROM_HOUR = 21

type Tally = { sent: number; failed: number }

async function runSource<D>(ctx: Ctx, source: ReminderSource<D>, now: Date): Promise<Tally> {
  const tally: Tally = { sent: 0, failed: 0 }
  for await (const page of source.pages(ctx, now)) {
    for (const item of page) {
      if (!(await source.claim(ctx, item, toChinaIso(ctx.now())))) continue
      const outcome = await deliver(ctx, source.notice(item), source.outboxId(item))
      if (outcome.state === 'failed') tally.failed += 1
      else tally.sent += 1
    }
  }
  return tally
}

type SignupWithSlot = { doc: SignupDoc; slot: Omit<SlotDoc, 'h'> }

/** Confirmed sign-ups that asked for a reminder, of tomorrow's open slots (China date). */
export const clinicSignupSource: ReminderSource<SignupWithSlot> = {
  name: 'clinic',
  async *pages(ctx, now) {
    const _ = ctx.db.command
    const date = addChinaDays(chinaDate(now), 1)
    const slots = await getDocs<Omit<SlotDoc, 'h'>>(
      ctx.db.collection(COLLECTIONS.clinicSlots).where({ date, closed: false }).field(slotProjection()).limit(1000),
    )
    const byId = new Map(slots.map((s) => [s._id, s]))
    for (let offset = 0; offset < slots.length; offset += REMINDER_BATCH) {
      const ids = slots.slice(offset, offset + REMINDER_BATCH).map((s) => s._id)
      for (let page = 0; page < MAX_REMINDER_PAGES; page += 1) {
        const due = await getDocs<SignupDoc>(
          ctx.db.collection(COLLECTIONS.clinicSignups)
            .where({ slotId: _.in(ids), status: 'confirmed', remind: true, remindedAt: _.exists(false) })
            .limit(REMINDER_BATCH),
        )
        yield due.flatMap((doc) => {
          const slot = byId.get(doc.slotId)
          return slot ? [{ doc, slot }] : []
        })
        if (due.length < REMINDER_BATCH) break
      }
    }
  },
  claim: async (ctx, { doc }, at) => transition(
    ctx.db, { _id: doc._id, status: 'confirmed', remindedAt: ctx.db.command.exists(false) }, 'confirmed', { event: 'reminded', at }, { remindedAt: at },
  ),
  notice: ({ doc, slot }) => ({
    kind: 'reminder',
    openid: doc.openid,
    signupId: doc._id,
    slotId: slot._id,
    title: '明天义诊，请按时到场',
    body: `${doc.person.name}：您报名的「${slot.title}」将于 ${chinaLabel(slotStart(slot))} 在${slot.place}（${slot.venueName}）开始，请按时到场并出示「我的报名」中的签到码。`,
    page: NOTICE_PAGE,
    fields: { slot: slot.title, time: `${slot.date} ${slot.startTime}`, place: slot.place, tip: '明天义诊，请出示签到码' },
  }),
  outboxId: ({ doc }) => `reminder-${doc._id}`,
}

/** Every kind of reminder, in the order a run sends them. */
const SOURCES = [clinicSignupSource, eventReminderSource] as const

export async function sendReminders(ctx: Ctx): Promise<Result<ReminderRun>> {
  if (ctx.trigger !== 'timer') {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
  }
  const now = ctx.now()
  const date = addChinaDays(chinaDate(now), 1)
  const run: ReminderRun = { date, sent: 0, failed: 0, events: { sent: 0, failed: 0 } }
  const hour = chinaHour(now)
  if (ctx.trigger === 'timer' && (hour < QUIET_BEFORE_HOUR || hour >= QUIET_FROM_HOUR)) return ok({ ...run, skipped: '夜间不发送提醒' })
  const clinic = await runSource(ctx, SOURCES[0], now)
  const events = await runSource(ctx, SOURCES[1], now)
  return ok({ date, sent: clinic.sent + events.sent, failed: clinic.failed + events.failed, events })
}
