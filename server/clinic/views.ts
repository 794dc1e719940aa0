// What residents and staff are shown of a sign-up: the resident sees their own entry in full with its
// check-in code; staff at the door see a masked entry.
import type { CheckInEntry, MySignup, SignupPerson } from '../../src/contract/clinic'
import { canCancelAt, slotEnd, summarise } from '../shared/slot-rules'
import { checkInCode, maskName, maskPhone } from '../shared/clinic-identity'
import type { SignupDoc, SlotRead } from '../shared/clinic-records'

export function signupView(doc: SignupDoc, slot: SlotRead | null | undefined, now: Date): MySignup {
  const over = slot ? now.getTime() >= slotEnd(slot).getTime() : false
  const view: MySignup = {
    _id: doc._id,
    slotId: doc.slotId,
    slot: slot ? summarise(slot, now) : null,
    person: doc.person,
    services: doc.services,
    remind: doc.remind,
    status: doc.status === 'confirmed' && over ? 'no_show' : doc.status,
    history: doc.history,
    canCancel: slot ? canCancelAt(slot, doc.status, now) : false,
    createdAt: doc.createdAt,
  }
  if (doc.note) view.note = doc.note
  if (slot) view.cancelCutoffAt = slot.cancelCutoffAt
  if (doc.status === 'confirmed' && doc.checkInToken && slot && !over) view.checkInCode = checkInCode(doc._id, doc.checkInToken)
  return view
}

export function checkInEntry(doc: SignupDoc): CheckInEntry {
  return {
    signupId: doc._id,
    slotId: doc.slotId,
    maskedName: maskName(doc.person.name),
    maskedPhone: maskPhone(doc.person.phone),
    category: doc.person.category,
    services: doc.services,
    status: doc.status,
  }
}

/** The person as entered, without fields the sign-up did not use. */
export function cleanPerson(person: SignupPerson): SignupPerson {
  const out: SignupPerson = { relation: person.relation, name: person.name.trim(), phone: person.phone.trim(), category: person.category }
  if (person.birthMonth) out.birthMonth = person.birthMonth
  return out
}
