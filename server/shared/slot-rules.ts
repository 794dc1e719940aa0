// A slot's status and views, judged in China time whatever timezone the function runs in.
import type { ClinicSlotDetail, ClinicSlotSummary, SlotStatus } from '../../src/contract/clinic'
import { chinaInstant } from '../core/china-time'
import type { SlotDoc, SlotRead } from './clinic-records'

type SlotLike = Omit<SlotDoc, 'h'> | SlotRead

export const slotStart = (slot: Pick<SlotDoc, 'date' | 'startTime'>): Date => chinaInstant(slot.date, slot.startTime)
export const slotEnd = (slot: Pick<SlotDoc, 'date' | 'endTime'>): Date => chinaInstant(slot.date, slot.endTime)

/** Full means no place for a newcomer: the quota is taken, or freed places are owed to the waitlist. */
export function isFull(slot: Pick<SlotDoc, 'confirmed' | 'quota' | 'waitlisted'>): boolean {
  return slot.confirmed >= slot.quota || slot.waitlisted > 0
}

export function slotStatus(slot: SlotLike, now: Date): SlotStatus {
  const t = now.getTime()
  if (t >= slotEnd(slot).getTime()) return 'over'
  if (slot.closed) return 'closed'
  if (t < Date.parse(slot.signupOpensAt)) return 'not_open'
  if (t >= Date.parse(slot.signupClosesAt)) return 'closed'
  return isFull(slot) ? 'full' : 'open'
}

export function summarise(slot: SlotLike, now: Date): ClinicSlotSummary {
  const status = slotStatus(slot, now)
  return {
    _id: slot._id,
    venueId: slot.venueId,
    venueName: slot.venueName,
    title: slot.title,
    date: slot.date,
    startTime: slot.startTime,
    endTime: slot.endTime,
    place: slot.place,
    services: slot.services,
    audience: slot.audience,
    quota: slot.quota,
    confirmed: slot.confirmed,
    placesLeft: Math.max(0, slot.quota - slot.confirmed),
    waitlisted: Math.max(0, slot.waitlisted),
    status,
    waitlistOpen: status === 'full' && slot.waitlisted < slot.waitlistLimit,
    signupOpensAt: slot.signupOpensAt,
    signupClosesAt: slot.signupClosesAt,
  }
}

export function detail(slot: SlotLike, now: Date): ClinicSlotDetail {
  const view: ClinicSlotDetail = {
    ...summarise(slot, now),
    cancelCutoffAt: slot.cancelCutoffAt,
    perAccountLimit: slot.perAccountLimit,
    waitlistLimit: slot.waitlistLimit,
    closed: slot.closed,
  }
  if (slot.note) view.note = slot.note
  return view
}

/** Whether a place may still be given up by its holder at `now`. */
export function canCancelAt(slot: SlotLike, status: string, now: Date): boolean {
  if (status === 'waitlisted') return now.getTime() < slotEnd(slot).getTime()
  return status === 'confirmed' && now.getTime() < Date.parse(slot.cancelCutoffAt)
}
