// Lost-hold repair. signUp takes a place on the slot first and writes the sign-up second; a crash (or a
// lost insert answer whose follow-up read fails too) in between leaves a hold with no sign-up: never
// an oversold place, but a lost one, and the resident's retry would wait on a sign-up that never comes.
// A hold is lost when it is older than GRACE_MS and its sign-up is absent, or cancelled more than
// GRACE_MS ago: before the hold was taken (a crash between taking the place again and reviving the
// cancelled sign-up; the hold counts as its stamp says) or after (a crash in cancel between marking the
// sign-up and giving the place back; the hold counts as the sign-up stood before, from its history).
// Nothing makes a cancelled sign-up live again but a fresh take by the same person, which the hold
// itself prevents. A lost hold is freed with the ordinary give-back (releasePlace / leaveWaitlist), so
// a freed place goes to the first waiter with their notice, by the clinic timer (repair-run.ts) or
// inline when the resident's retry finds it.
//
// Why a live sign-up is never released: every hold is stamped with its taker's clock (`at`) in the same
// update that takes it, and the taker writes the sign-up — insert, or revival of a cancelled one — only
// while its clock is within WRITE_WINDOW_MS of `at` (sign-up.ts checks before each write; the function
// itself runs for seconds). The repair frees only holds whose stamp is more than GRACE_MS old, and its
// release is pinned to that stamp. For a live sign-up to be released, the repair would have to find no
// sign-up after GRACE_MS and the taker's write land later still, i.e. a write sent within 30 s that the
// database applies more than 90 s later; and if the hold was given back and taken again meanwhile, it
// carries a new stamp and the pinned release does not match it. Holds taken before stamps existed are
// freed only when the slot's `updatedAt` is older than the grace and nobody waits (so the hold can only
// be a confirmed place, since a waiting hold keeps `waitlisted` above 0); otherwise they are left
// alone. Each repair is audited.
import { audit, type Actor } from '../shared/clinic-audit'
import { toChinaIsoMs } from '../core/china-time'
import type { Ctx } from '../core/context'
import { signupIdOf } from '../shared/clinic-identity'
import { afterHandover, settle } from './promote'
import { leaveWaitlist, releasePlace } from './slot-store'
import type { HoldStamp, SignupDoc, SlotDoc, SlotRead } from '../shared/clinic-records'

export const GRACE_MS = 2 * 60_000
/** How long after taking a hold its sign-up may still be written. */
export const WRITE_WINDOW_MS = 30_000

export interface LostHold {
  slotId: string
  account: string
  person: string
  kind: HoldStamp['kind']
  /** The stamp the release is pinned to; null for a hold taken before stamps existed. */
  pin: number | null
}

export type SignupState = Pick<SignupDoc, 'status' | 'cancelledAt' | 'history'>

/** What the sign-up was just before its last cancellation. */
function kindBeforeCancel(history: SignupDoc['history']): HoldStamp['kind'] | null {
  const events = history.map((e) => e.event)
  for (let i = events.lastIndexOf('cancelled') - 1; i >= 0; i -= 1) {
    if (events[i] === 'waitlisted') return 'waitlisted'
    if (events[i] === 'signed_up' || events[i] === 'promoted') return 'confirmed'
  }
  return null
}

/** What a hold of a cancelled sign-up counts as (`cancelledAt` has whole seconds); null when unclear. */
function cancelledHoldKind(stamp: HoldStamp, cancelledAt: number, history: SignupDoc['history']): HoldStamp['kind'] | null {
  if (stamp.at >= cancelledAt + 1000) return stamp.kind
  const before = kindBeforeCancel(history)
  if (stamp.at < cancelledAt) return before
  return before === stamp.kind ? before : null
}

/** The hold, when it is lost at `now` given its sign-up (null: absent); otherwise null. */
export function lostHold(
  slot: Pick<SlotDoc, '_id' | 'updatedAt' | 'waitlisted'>, account: string, person: string,
  stamp: HoldStamp | undefined, signup: SignupState | null, now: Date,
): LostHold | null {
  const t = now.getTime()
  if (signup && signup.status !== 'cancelled') return null
  const cancelledAt = signup ? Date.parse(signup.cancelledAt ?? '') : Number.NaN
  if (signup && !(t - cancelledAt >= GRACE_MS)) return null
  const hold = { slotId: slot._id, account, person }
  if (!stamp) return slot.waitlisted !== 0 || t - Date.parse(slot.updatedAt) < GRACE_MS ? null : { ...hold, kind: 'confirmed', pin: null }
  if (t - stamp.at < GRACE_MS) return null
  const kind = signup ? cancelledHoldKind(stamp, cancelledAt, signup.history) : stamp.kind
  return kind ? { ...hold, kind, pin: stamp.at } : null
}

async function auditRepair(ctx: Ctx, lost: LostHold, actor: Actor, handedOver: boolean): Promise<void> {
  const what = lost.kind === 'confirmed' ? '名额' : '候补位'
  const since = lost.pin === null ? '未记录时间' : toChinaIsoMs(new Date(lost.pin))
  const detail = `释放没有报名记录的${what}（占用于 ${since}）${handedOver ? '，已转给候补第一位' : ''}`
  try {
    await audit(ctx, actor, { action: 'repair', target: signupIdOf(lost.slotId, lost.person), rows: 1, detail })
  } catch (error) {
    console.error(`[clinic] audit of repaired hold ${lost.slotId}/${lost.person} not written`, error)
  }
}

/** Frees a lost hold as a cancellation would. True when this call freed it (not someone before). */
export async function freeLostHold(ctx: Ctx, slot: SlotRead, lost: LostHold, actor: Actor): Promise<boolean> {
  if (lost.kind === 'waitlisted') {
    if (!(await leaveWaitlist(ctx.db, slot._id, lost.account, lost.person, lost.pin))) return false
    await auditRepair(ctx, lost, actor, false)
    await settle(ctx, slot._id)
    return true
  }
  const outcome = await releasePlace(ctx.db, slot._id, lost.account, lost.person, slot.waitlisted > 0, lost.pin)
  if (outcome === 'gone') return false
  await auditRepair(ctx, lost, actor, outcome === 'handed_over')
  if (outcome === 'handed_over') await afterHandover(ctx, slot)
  return true
}
