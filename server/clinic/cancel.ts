// cancel: a resident gives up their own place (before the slot's cancel cut-off) or leaves the
// waitlist (until the slot ends). The sign-up is kept with a 'cancelled' history entry, never deleted.
// A confirmed place goes straight to the first waiter when someone waits (see promote.ts).
// Requests for a cancellation with promotion: one read of the sign-up together with the slot's first
// waiters, the status change, the handover on the slot, the waiter's promotion (and the notice's outbox
// record). The slot's cut-off and times come from this instance's copy when it is under a minute old.
import type { Api } from '../../src/contract/api'
import type { MySignup } from '../../src/contract/clinic'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaLabel, toChinaIso } from '../core/china-time'
import type { Ctx } from '../core/context'
import { accountKey, slotIdOfSignup } from '../shared/clinic-identity'
import { afterHandover } from './promote'
import { canCancelAt } from '../shared/slot-rules'
import { getSignup, signupAndWaiters, transition } from './signup-store'
import { cachedSlot, leaveWaitlist, readSlot, releasePlace } from './slot-store'
import type { SignupDoc, SlotRead } from '../shared/clinic-records'
import { signupView } from './views'

type CancelInput = Api['clinic']['cancel']['parsed']

const NOT_YOURS = '没有找到这条报名记录，请返回「我的报名」刷新后重试'

/** How old this instance's copy of a slot may be for judging a cancellation (its cut-off may be edited). */
const FRESH_FOR_CANCEL_MS = 60_000

async function giveUp(ctx: Ctx, doc: SignupDoc, slot: SlotRead, waiters: SignupDoc[]): Promise<void> {
  const account = accountKey(doc.openid)
  if (doc.status === 'waitlisted') {
    await leaveWaitlist(ctx.db, slot._id, account, doc.personKey)
    return
  }
  const outcome = await releasePlace(ctx.db, slot._id, account, doc.personKey, waiters.length > 0)
  if (outcome === 'handed_over') await afterHandover(ctx, slot, waiters)
}

export async function cancel(input: CancelInput, ctx: Ctx): Promise<Result<{ signup: MySignup }>> {
  const slotId = slotIdOfSignup(input.signupId)
  if (!ctx.openid || !slotId) return fail('NOT_FOUND', NOT_YOURS)
  const [{ doc: first, waiters }, slot] = await Promise.all([
    signupAndWaiters(ctx.db, input.signupId, slotId, 3),
    cachedSlot(slotId, FRESH_FOR_CANCEL_MS) ?? readSlot(ctx.db, slotId),
  ])
  let doc = first
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (!doc || doc.openid !== ctx.openid || !slot || doc.slotId !== slot._id) return fail('NOT_FOUND', NOT_YOURS)
    const now = ctx.now()
    if (doc.status === 'cancelled') return ok({ signup: signupView(doc, slot, now) })
    if (doc.status === 'checked_in') return fail('CONFLICT', '这份报名已在现场签到，无法取消')
    if (!canCancelAt(slot, doc.status, now)) {
      return fail('CONFLICT', `已过取消截止时间（${chinaLabel(new Date(slot.cancelCutoffAt))}），如不能到场，请联系分会场工作人员`)
    }
    const entry = { event: 'cancelled', at: toChinaIso(now) } as const
    if (await transition(ctx.db, { _id: doc._id, openid: ctx.openid, status: doc.status }, 'cancelled', entry, { cancelledAt: entry.at })) {
      await giveUp(ctx, doc, slot, waiters)
      const cancelled: SignupDoc = { ...doc, status: 'cancelled', cancelledAt: entry.at, updatedAt: entry.at, history: [...doc.history, entry] }
      return ok({ signup: signupView(cancelled, slot, now) })
    }
    doc = await getSignup(ctx.db, input.signupId)
  }
  return fail('CONFLICT', '这份报名刚刚有变化，请刷新「我的报名」后重试')
}
