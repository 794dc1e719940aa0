// Every read and conditional write of a slot. Each write is ONE atomic single-document update whose
// `where` carries the rule it enforces, so concurrent calls can never oversell:
// - take a place:   confirmed < quota, nobody waiting, person not holding, account under its limit
// - join waitlist:  slot full (or places owed to waiters), waitlist under its cap, same hold rules
// - give a place back: straight to the waitlist when someone waits (handover), else to the pool
// `rev` pins the version of the rules a decision was made on; an edit in between makes it retry.
// Every read of a slot leaves its rules and display fields (never the holds) in this instance's cache, so
// a sign-up decides with its one conditional update and no read before it: the update's `where` pins the
// cached `rev` and every rule the decision used, so a stale copy can only make it miss (then the caller
// reads afresh), never take a place the current rules refuse.
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

/** A slot as this instance last read it: rules, display fields and counts, no holds. */
type CachedSlot = Omit<SlotRead, 'held' | 'stamps'>

const CACHE_LIMIT = 2000
const cache = new Map<string, { slot: CachedSlot; readAt: number }>()

/** Remembers a slot just read (or just changed by this instance); the oldest entry goes past CACHE_LIMIT. */
export function remember(slot: CachedSlot): void {
  cache.delete(slot._id)
  cache.set(slot._id, { slot, readAt: performance.now() })
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
}

function forget(slotId: string): void {
  cache.delete(slotId)
}

/** The cached copy of a slot, if read within `maxAgeMs` (elapsed time, not the handlers' clock); no request. */
export function cachedSlot(slotId: string, maxAgeMs = Infinity): SlotRead | null {
  const entry = cache.get(slotId)
  if (!entry || performance.now() - entry.readAt > maxAgeMs) return null
  return { ...entry.slot, held: [], stamps: {} }
}

export async function readSlot(db: DB.Database, slotId: string, account?: string): Promise<SlotRead | null> {
  const doc = await getFirst<SlotDoc>(slots(db).where({ _id: slotId }).field(slotProjection(account)).limit(1))
  if (!doc) {
    forget(slotId)
    return null
  }
  const { h, t, ...rest } = doc
  remember(rest)
  const held = account ? h?.[account] : undefined
  return { ...rest, held: Array.isArray(held) ? held : [], stamps: (account ? t?.[account] : undefined) ?? {} }
}

export async function slotsByIds(db: DB.Database, ids: string[]): Promise<Map<string, SlotRead>> {
  const found = new Map<string, SlotRead>()
  if (ids.length === 0) return found
  const _ = db.command
  const docs = await getDocs<SlotDoc>(slots(db).where({ _id: _.in(ids) }).field(slotProjection()).limit(ids.length))
  for (const { h: _h, t: _t, ...slot } of docs) {
    remember(slot)
    found.set(slot._id, { ...slot, held: [], stamps: {} })
  }
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

/**
 * The rules a sign-up was judged on, as a filter: the version, the quota and per-account limit the
 * update compares with, the open/closed flag and times the status came from, the services and the
 * category asked for. The slot matches only if it still is as the decision saw it.
 */
function judgedOn(db: DB.Database, slot: SlotRead, ask?: Asked): { _id: string } & Record<string, unknown> {
  const _ = db.command
  return {
    _id: slot._id, rev: slot.rev, quota: slot.quota, perAccountLimit: slot.perAccountLimit,
    ...(typeof slot.closed === 'boolean' ? { closed: slot.closed } : {}),
    signupOpensAt: slot.signupOpensAt, signupClosesAt: slot.signupClosesAt, date: slot.date, endTime: slot.endTime,
    ...(ask ? { services: _.all(ask.services), audience: ask.category } : {}),
  }
}

/** What the sign-up asks of the slot. */
export interface Asked {
  services: string[]
  category: string
}

/** `at`: the taker's clock (epoch ms), which also bounds when its sign-up may still be written (hold-repair.ts). */
export async function takePlace(db: DB.Database, slot: SlotRead, account: string, person: string, at: number, ask?: Asked): Promise<boolean> {
  const _ = db.command
  const where = { ...judgedOn(db, slot, ask), confirmed: _.lt(slot.quota), waitlisted: 0, ...holdRules(db, slot, account, person) }
  const data = { confirmed: _.inc(1), ...hold(db, account, person, { at, kind: 'confirmed' }) }
  if ((await updated(slots(db).where(where).update({ data }))) !== 1) return false
  counted(slot, { confirmed: slot.confirmed + 1 })
  return true
}

/** Keeps the cached counts in step with a change this instance just made (they only steer the next guess). */
function counted(slot: SlotRead, counts: Pick<Partial<SlotRead>, 'confirmed' | 'waitlisted'>): void {
  const { held: _held, stamps: _stamps, ...rest } = slot
  remember({ ...rest, ...counts })
}

export async function joinWaitlist(db: DB.Database, slot: SlotRead, account: string, person: string, at: number, ask?: Asked): Promise<boolean> {
  const _ = db.command
  const where = _.and([
    { ...judgedOn(db, slot, ask), waitlisted: _.lt(slot.waitlistLimit), ...holdRules(db, slot, account, person) },
    _.or([{ confirmed: _.gte(slot.quota) }, { waitlisted: _.gt(0) }]),
  ])
  const data = { waitlisted: _.inc(1), ...hold(db, account, person, { at, kind: 'waitlisted' }) }
  if ((await updated(slots(db).where(where).update({ data }))) !== 1) return false
  counted(slot, { waitlisted: slot.waitlisted + 1 })
  return true
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
