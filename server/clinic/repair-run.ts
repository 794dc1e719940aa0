// repairHolds: the lost-hold sweep (rules and safety argument in hold-repair.ts). Run every 10 minutes
// by the function's timer trigger `clinicRepair` (cloudfunctions/clinic/config.json) or by an organiser
// by hand. Cheap by design: one query for the slots from today on with places taken or waited for (with
// their holds and stamps), one per 1,000 old-enough holds for whether their sign-ups exist; only the
// holds found lost cost more (their release, promotion, notice and audit record).
import type { HoldRepairRun } from '../../src/contract/clinic'
import { ok, type Result } from '../../src/contract/result'
import { requireOrganiser } from '../core/auth'
import { chinaDate } from '../core/china-time'
import type { Ctx } from '../core/context'
import { signupIdOf } from '../shared/clinic-identity'
import type { Actor } from '../shared/clinic-audit'
import { freeLostHold, lostHold } from './hold-repair'
import { signupStates } from './signup-store'
import { slotsWithHolds, stampKey } from './slot-store'
import type { HoldStamp, SlotDoc, SlotRead } from '../shared/clinic-records'

interface Candidate {
  slot: SlotDoc
  account: string
  person: string
  stamp: HoldStamp | undefined
}

function oldHolds(slots: SlotDoc[], now: Date): Candidate[] {
  const found: Candidate[] = []
  for (const slot of slots) {
    for (const [account, persons] of Object.entries(slot.h ?? {})) {
      for (const person of Array.isArray(persons) ? persons : []) {
        const stamp = slot.t?.[account]?.[stampKey(person)]
        if (lostHold(slot, account, person, stamp, null, now)) found.push({ slot, account, person, stamp })
      }
    }
  }
  return found
}

function asRead(slot: SlotDoc): SlotRead {
  const { h: _h, t: _t, ...rest } = slot
  return { ...rest, held: [], stamps: {} }
}

export async function repairHolds(ctx: Ctx): Promise<Result<HoldRepairRun>> {
  let actor: Actor = 'timer'
  if (ctx.trigger !== 'timer') {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
    actor = auth.member
  }
  const now = ctx.now()
  const slots = await slotsWithHolds(ctx.db, chinaDate(now))
  const candidates = oldHolds(slots, now)
  const states = await signupStates(ctx.db, candidates.map((c) => signupIdOf(c.slot._id, c.person)))
  let repaired = 0
  for (const { slot, account, person, stamp } of candidates) {
    const lost = lostHold(slot, account, person, stamp, states.get(signupIdOf(slot._id, person)) ?? null, now)
    if (lost && (await freeLostHold(ctx, asRead(slot), lost, actor))) repaired += 1
  }
  return ok({ slots: slots.length, checked: candidates.length, repaired })
}
