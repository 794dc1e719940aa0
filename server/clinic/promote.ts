// Promotion from the waitlist. A freed place is first reserved on the slot (confirmed +1, waiting −1,
// only while confirmed < quota), then given to the first waiting sign-up by a conditional status change;
// if nobody can take it (the waiter left, or their sign-up is not written yet) the reservation is given
// back and the check repeats. Whoever may have left "a free place and someone waiting" behind runs
// `settle`: a waitlist joiner after writing its sign-up, a canceller whose handover found nobody, an
// edit that raised the quota. So the slot's confirmed count never exceeds its quota, and places freed
// while people wait go to them in waitlist order, never to a newcomer.
import { chinaLabel, toChinaIso } from '../core/china-time'
import type { Ctx } from '../core/context'
import { newCheckInToken } from '../shared/clinic-identity'
import { deliverRecorded, NOTICE_PAGE, type Notice } from './notifier'
import { slotStart } from '../shared/slot-rules'
import { firstWaiting, transition } from './signup-store'
import { giveBackReservation, readSlot, reserveForWaitlist } from './slot-store'
import type { SignupDoc, SlotRead } from '../shared/clinic-records'
import { sleep } from '../core/timing'


/** The promotion's notice, stored on the promoted sign-up by the promotion's own update. */
function promotionNotice(doc: SignupDoc, slot: SlotRead): Notice {
  const when = chinaLabel(slotStart(slot))
  return {
    kind: 'promoted',
    openid: doc.openid,
    signupId: doc._id,
    slotId: slot._id,
    title: '候补成功，已为您保留名额',
    body: `${doc.person.name}：您候补的「${slot.title}」（${slot.venueName}，${when}，${slot.place}）有名额空出，已按候补顺序为您转为报名成功。请按时到场并出示签到码；如不能参加，请在「我的报名」中取消。`,
    page: NOTICE_PAGE,
    fields: { slot: slot.title, time: `${slot.date} ${slot.startTime}`, place: slot.place, tip: '候补成功，请按时到场签到' },
  }
}

/**
 * With a place already reserved, gives it to the first waiting sign-up. False: nobody could take it.
 * `known`: the first waiters as the caller just read them (saves the first read; each claim is conditional).
 */
export async function promoteReserved(ctx: Ctx, slot: SlotRead, known?: SignupDoc[]): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const waiting = attempt === 0 && known && known.length > 0 ? known : await firstWaiting(ctx.db, slot._id, 3)
    if (waiting.length === 0) return false
    for (const doc of waiting) {
      const at = toChinaIso(ctx.now())
      const notice = promotionNotice(doc, slot)
      const promotedNotice = { _id: `promoted-${doc._id}-${Date.parse(at)}`, title: notice.title, body: notice.body, at }
      const set = { checkInToken: newCheckInToken(), promotedNotice }
      if (await transition(ctx.db, { _id: doc._id, status: 'waitlisted' }, 'confirmed', { event: 'promoted', at }, set)) {
        await deliverRecorded(ctx, notice, promotedNotice._id)
        return true
      }
    }
  }
  return false
}

/** Promotes while the slot has a free place and someone waiting. Returns how many were promoted. */
export async function settle(ctx: Ctx, slotId: string): Promise<number> {
  let promoted = 0
  for (let idle = 0; idle < 8;) {
    const slot = await readSlot(ctx.db, slotId)
    if (!slot || slot.confirmed >= slot.quota || slot.waitlisted <= 0) return promoted
    if (!(await reserveForWaitlist(ctx.db, slot))) {
      idle += 1
      continue
    }
    if (await promoteReserved(ctx, slot)) {
      promoted += 1
      continue
    }
    await giveBackReservation(ctx.db, slotId)
    idle += 1
    await sleep(15 * idle)
  }
  return promoted
}

/** After a handover reserved a place: promote (`known`: the first waiters, if just read), or give it back and settle. */
export async function afterHandover(ctx: Ctx, slot: SlotRead, known?: SignupDoc[]): Promise<void> {
  if (await promoteReserved(ctx, slot, known)) return
  await giveBackReservation(ctx.db, slot._id)
  await settle(ctx, slot._id)
}
