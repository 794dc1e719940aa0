// sendReminders: the day-before reminder. Run by the function's timer trigger (config.json; hourly, so
// it works whatever timezone the cron is read in) or by an organiser by hand. "Tomorrow" is the China
// date after the China date of the run; timer runs stay quiet outside 09:00–21:00 China time. Each
// confirmed sign-up that asked for a reminder is claimed (remindedAt set where it was absent) before
// its message is sent, so a reminder goes out once per sign-up however often the timer fires.
import type { ReminderRun } from '../../src/contract/clinic'
import { ok, type Result } from '../../src/contract/result'
import { requireOrganiser } from '../core/auth'
import { addChinaDays, chinaDate, chinaHour, chinaLabel, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import { deliver, NOTICE_PAGE } from './notifier'
import { slotStart } from '../shared/slot-rules'
import { transition } from './signup-store'
import { slotProjection } from './slot-store'
import type { SignupDoc, SlotDoc } from '../shared/clinic-records'

const BATCH = 100
const MAX_BATCHES = 50

export const QUIET_BEFORE_HOUR = 9
export const QUIET_FROM_HOUR = 21

async function remindOne(ctx: Ctx, doc: SignupDoc, slot: Omit<SlotDoc, 'h'>): Promise<'sent' | 'failed' | 'taken'> {
  const at = toChinaIso(ctx.now())
  const claimed = await transition(ctx.db, { _id: doc._id, status: 'confirmed', remindedAt: ctx.db.command.exists(false) }, 'confirmed', { event: 'reminded', at }, { remindedAt: at })
  if (!claimed) return 'taken'
  const outcome = await deliver(ctx, {
    kind: 'reminder',
    openid: doc.openid,
    signupId: doc._id,
    slotId: slot._id,
    title: '明天义诊，请按时到场',
    body: `${doc.person.name}：您报名的「${slot.title}」将于 ${chinaLabel(slotStart(slot))} 在${slot.place}（${slot.venueName}）开始，请按时到场并出示「我的报名」中的签到码。`,
    page: NOTICE_PAGE,
    fields: { slot: slot.title, time: `${slot.date} ${slot.startTime}`, place: slot.place, tip: '明天义诊，请出示签到码' },
  }, `reminder-${doc._id}`)
  return outcome.state === 'failed' ? 'failed' : 'sent'
}

export async function sendReminders(ctx: Ctx): Promise<Result<ReminderRun>> {
  if (ctx.trigger !== 'timer') {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
  }
  const now = ctx.now()
  const date = addChinaDays(chinaDate(now), 1)
  const run: ReminderRun = { date, sent: 0, failed: 0 }
  const hour = chinaHour(now)
  if (ctx.trigger === 'timer' && (hour < QUIET_BEFORE_HOUR || hour >= QUIET_FROM_HOUR)) return ok({ ...run, skipped: '夜间不发送提醒' })
  const _ = ctx.db.command
  const slots = await getDocs<Omit<SlotDoc, 'h'>>(
    ctx.db.collection(COLLECTIONS.clinicSlots).where({ date, closed: false }).field(slotProjection()).limit(1000),
  )
  const byId = new Map(slots.map((s) => [s._id, s]))
  for (let offset = 0; offset < slots.length; offset += BATCH) {
    const ids = slots.slice(offset, offset + BATCH).map((s) => s._id)
    for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
      const due = await getDocs<SignupDoc>(
        ctx.db.collection(COLLECTIONS.clinicSignups)
          .where({ slotId: _.in(ids), status: 'confirmed', remind: true, remindedAt: _.exists(false) })
          .limit(BATCH),
      )
      for (const doc of due) {
        const slot = byId.get(doc.slotId)
        if (!slot) continue
        const outcome = await remindOne(ctx, doc, slot)
        if (outcome === 'sent') run.sent += 1
        if (outcome === 'failed') run.failed += 1
      }
      if (due.length < BATCH) break
    }
  }
  return ok(run)
}
