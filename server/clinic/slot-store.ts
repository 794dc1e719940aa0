// Every read and conditional write of a slot. Each write is ONE atomic single-document update whose
// `where` carries the rule it enforces, so concurrent calls can never oversell:
// - take a place:   confirmed < quota, nobody waiting, person not holding, account under its limit
// - join waitlist:  slot full (or places owed to waiters), waitlist under its cap, same hold rules
// - give a place back: straight to the waitlist when someone waits (handover), else to the pool
// `rev` pins the version of the rules a decision was made on; an edit in between makes it retry.
// Taking a hold stamps it (`t.<account>.p<person>`: when, and as what); giving it back removes the stamp,
// and a release may be pinned to one stamp so a stale decision never frees a hold taken again since.
import type { DB } from 'wx-server-sdk'
import { COLLECTIONS } from '../core/collections'
import { getDocs, getFirst, updated } from '../core/db'
import type { HoldStamp, SlotDoc, SlotRead } from '../shared/clinic-records'
import { sleep } from '../core/timing'

const SLOT_FIELDS: Array<keyof SlotDoc> = [
  '_id', 'festivalId', 'venueId', 'venueName', 'title', 'date', 'startTime', 'endTime', 'place', 'services', 'audience',
  'quota', 'perAccountLimit', 'waitlistLimit', 'signupOpensAt', 'signupClosesAt', 'cancelCutoffAt', 'closed', 'note',
  'confirmed', 'waitlisted', 'rev', 'createdAt', 'createdBy', 'updatedAt',
]

/** Every field but the holds; with an account key, that account's holds and their stamps too. */
export function slotProjection(account?: string): Record<string, boolean> {
  const fields: Record<string, boolean> = Object.fromEntries(SLOT_FIELDS.map((f) => [f, true]))
  if (account) Object.assign(fields, { [`h.${account}`]: true, [`t.${account}`]: true })
  return fields
}

const slots = (db: DB.Database) => db.collection(COLLECTIONS.clinicSlots)
const holds = (account: string) => `h.${account}`
/** A person's stamp key; the `p` keeps it a plain field name (a person key may start with a digit). */
export const stampKey = (person: string) => `p${person}`
const stampPath = (account: string, person: string) => `t.${account}.${stampKey(person)}`

/** Which hold a release may take away: any (undefined), only one stamped at `at` (number), only an unstamped one (null). */
export type StampPin = number | null | undefined

function pinned(db: DB.Database, account: string, person: string, pin: StampPin): Record<string, unknown> {
  if (pin === undefined) return {}
  return pin === null ? { [stampPath(account, person)]: db.command.exists(false) } : { [`${stampPath(account, person)}.at`]: pin }
}

export async function readSlot(db: DB.Database, slotId: string, account?: string): Promise<SlotRead | null> {
  const doc = await getFirst<SlotDoc>(slots(db).where({ _id: slotId }).field(slotProjection(account)).limit(1))
  if (!doc) return null
  const { h, t, ...rest } = doc
  const held = account ? h?.[account] : undefined
  return { ...rest, held: Array.isArray(held) ? held : [], stamps: (account ? t?.[account] : undefined) ?? {} }
}

export async function slotsByIds(db: DB.Database, ids: string[]): Promise<Map<string, SlotRead>> {
  const found = new Map<string, SlotRead>()
  if (ids.length === 0) return found
  const _ = db.command
  const docs = await getDocs<SlotDoc>(slots(db).where({ _id: _.in(ids) }).field(slotProjection()).limit(ids.length))
  for (const { h: _h, t: _t, ...slot } of docs) found.set(slot._id, { ...slot, held: [], stamps: {} })
  return found
}

/** Slots on `fromDate` or later with any place taken or waited for, with every account's holds and stamps. */
export function slotsWithHolds(db: DB.Database, fromDate: string, limit = 1000): Promise<SlotDoc[]> {
  const _ = db.command
  const where = _.and([{ date: _.gte(fromDate) }, _.or([{ confirmed: _.gt(0) }, { waitlisted: _.gt(0) }])])
  return getDocs<SlotDoc>(slots(db).where(where).field({ ...slotProjection(), h: true, t: true }).limit(limit))
}

function holdRules(db: DB.Database, slot: SlotRead, account: string, person: string): Record<string, unknown> {
  const _ = db.command
  return { [holds(account)]: _.nin([person]), [`${holds(account)}.${slot.perAccountLimit - 1}`]: _.exists(false) }
}

function hold(db: DB.Database, account: string, person: string, stamp: HoldStamp): Record<string, unknown> {
  return { [holds(account)]: db.command.push(person), [stampPath(account, person)]: stamp }
}

/** `at`: the taker's clock (epoch ms), which also bounds when its sign-up may still be written (hold-repair.ts). */
export async function takePlace(db: DB.Database, slot: SlotRead, account: string, person: string, at: number): Promise<boolean> {
  const _ = db.command
  const where = { _id: slot._id, rev: slot.rev, confirmed: _.lt(slot.quota), waitlisted: 0, ...holdRules(db, slot, account, person) }
  const data = { confirmed: _.inc(1), ...hold(db, account, person, { at, kind: 'confirmed' }) }
  return (await updated(slots(db).where(where).update({ data }))) === 1
}

export async function joinWaitlist(db: DB.Database, slot: SlotRead, account: string, person: string, at: number): Promise<boolean> {
  const _ = db.command
  const where = _.and([
    { _id: slot._id, rev: slot.rev, waitlisted: _.lt(slot.waitlistLimit), ...holdRules(db, slot, account, person) },
    _.or([{ confirmed: _.gte(slot.quota) }, { waitlisted: _.gt(0) }]),
  ])
  const data = { waitlisted: _.inc(1), ...hold(db, account, person, { at, kind: 'waitlisted' }) }
  return (await updated(slots(db).where(where).update({ data }))) === 1
}

/** A waitlisted person leaves: their hold, its stamp and their count go. */
export async function leaveWaitlist(db: DB.Database, slotId: string, account: string, person: string, pin?: StampPin): Promise<boolean> {
  const _ = db.command
  const where = { _id: slotId, [holds(account)]: person, ...pinned(db, account, person, pin) }
  const data = { waitlisted: _.inc(-1), [holds(account)]: _.pull(person), [stampPath(account, person)]: _.remove() }
  return (await updated(slots(db).where(where).update({ data }))) === 1
}

/**
 * A confirmed person gives their place back. With people waiting, the place passes to the waitlist
 * (`confirmed` unchanged, one waiter fewer): the caller must then promote one sign-up or give the
 * reservation back. 'gone' means the hold (so stamped, when pinned) was no longer there (already released).
 */
export async function releasePlace(
  db: DB.Database, slotId: string, account: string, person: string, waitersLikely: boolean, pin?: StampPin,
): Promise<'released' | 'handed_over' | 'gone'> {
  const _ = db.command
  const data = (change: Record<string, unknown>) => ({ data: { ...change, [holds(account)]: _.pull(person), [stampPath(account, person)]: _.remove() } })
  const mine = { _id: slotId, [holds(account)]: person, ...pinned(db, account, person, pin) }
  const release = () => slots(db).where({ ...mine, waitlisted: 0 }).update(data({ confirmed: _.inc(-1) }))
  const handOver = () => slots(db).where({ ...mine, waitlisted: _.gt(0) }).update(data({ waitlisted: _.inc(-1) }))
  const order = waitersLikely ? [['handed_over', handOver], ['released', release]] as const : [['released', release], ['handed_over', handOver]] as const
  for (let attempt = 0; attempt < 5; attempt += 1) {
    for (const [outcome, write] of order) if ((await updated(write())) === 1) return outcome
    await sleep(10 * (attempt + 1))
  }
  return 'gone'
}

/** Reserve a freed place for the first waiter (the promoter then claims a waiting sign-up). */
export async function reserveForWaitlist(db: DB.Database, slot: Pick<SlotRead, '_id' | 'quota'>): Promise<boolean> {
  const _ = db.command
  const where = { _id: slot._id, quota: slot.quota, confirmed: _.lt(slot.quota), waitlisted: _.gt(0) }
  return (await updated(slots(db).where(where).update({ data: { confirmed: _.inc(1), waitlisted: _.inc(-1) } }))) === 1
}

/** Undo a reservation nobody could take (the waiting sign-up left or is not written yet). */
export async function giveBackReservation(db: DB.Database, slotId: string): Promise<void> {
  const _ = db.command
  await slots(db).where({ _id: slotId }).update({ data: { confirmed: _.inc(-1), waitlisted: _.inc(1) } })
}
