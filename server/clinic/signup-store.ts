// Reads and conditional writes of sign-up documents. A state change is claimed with a conditional
// update on the current status (`where({ _id, status })`), so of two concurrent changes only one wins.
import type { DB } from 'wx-server-sdk'
import type { SignupHistoryEntry, SignupStatus } from '../../src/contract/clinic'
import { COLLECTIONS } from '../core/collections'
import { getDocs, getFirst, updated } from '../core/db'
import type { SignupDoc } from '../shared/clinic-records'

const signups = (db: DB.Database) => db.collection(COLLECTIONS.clinicSignups)

export function getSignup(db: DB.Database, signupId: string): Promise<SignupDoc | null> {
  return getFirst<SignupDoc>(signups(db).where({ _id: signupId }).limit(1))
}

export async function insertSignup(db: DB.Database, doc: SignupDoc): Promise<void> {
  await signups(db).add({ data: doc })
}

/**
 * Moves a sign-up from one status to another with one history entry; `set` fields are written,
 * `unset` fields removed. Returns false when the sign-up was not in `from` (someone else won).
 */
export async function transition(
  db: DB.Database,
  where: { _id: string; status: SignupStatus } & Record<string, unknown>,
  to: SignupStatus,
  entry: SignupHistoryEntry,
  set: Record<string, unknown> = {},
  unset: string[] = [],
): Promise<boolean> {
  const _ = db.command
  const data: Record<string, unknown> = { ...set, status: to, updatedAt: entry.at, history: _.push(entry) }
  for (const field of unset) data[field] = _.remove()
  return (await updated(signups(db).where(where).update({ data }))) === 1
}

/** The first waiting sign-ups of a slot, in waitlist order. */
export function firstWaiting(db: DB.Database, slotId: string, count: number): Promise<SignupDoc[]> {
  return getDocs<SignupDoc>(
    signups(db).where({ slotId, status: 'waitlisted' }).orderBy('waitKey', 'asc').orderBy('_id', 'asc').limit(count),
  )
}

/**
 * A sign-up and the first `count` waiting sign-ups of its slot, in one request. Every other status sorts
 * before 'waitlisted', so the sign-up comes first unless it is itself waiting; then the waiters in
 * waitlist order. A waiting sign-up further back than `count` is read on its own (not a promotion case).
 */
export async function signupAndWaiters(db: DB.Database, signupId: string, slotId: string, count: number): Promise<{ doc: SignupDoc | null; waiters: SignupDoc[] }> {
  const _ = db.command
  const docs = await getDocs<SignupDoc>(
    signups(db).where(_.or([{ _id: signupId }, { slotId, status: 'waitlisted' }]))
      .orderBy('status', 'asc').orderBy('waitKey', 'asc').orderBy('_id', 'asc').limit(count + 1),
  )
  const waiters = docs.filter((d) => d.status === 'waitlisted' && d._id !== signupId).slice(0, count)
  const doc = docs.find((d) => d._id === signupId) ?? (await getSignup(db, signupId))
  return { doc, waiters }
}

/** The caller's sign-ups, newest first (a resident has a handful; 100 is CloudBase's default page). */
export function signupsOf(db: DB.Database, openid: string, limit = 100): Promise<SignupDoc[]> {
  return getDocs<SignupDoc>(signups(db).where({ openid }).orderBy('createdAt', 'desc').limit(limit))
}

/** Confirmed or checked-in places of a slot whose phone ends with `tail` (the door's lookup). */
export function byPhoneTail(db: DB.Database, slotId: string, tail: string): Promise<SignupDoc[]> {
  const _ = db.command
  return getDocs<SignupDoc>(signups(db).where({ slotId, phoneTail: tail, status: _.in(['confirmed', 'checked_in']) }).limit(20))
}

type State = Pick<SignupDoc, 'status' | 'cancelledAt' | 'history'>

/** Status, cancellation time and history of whichever of these sign-ups exist, 1,000 ids a request. */
export async function signupStates(db: DB.Database, ids: string[]): Promise<Map<string, State>> {
  const _ = db.command
  const found = new Map<string, State>()
  for (let offset = 0; offset < ids.length; offset += 1000) {
    const chunk = ids.slice(offset, offset + 1000)
    const docs = await getDocs<State & { _id: string }>(
      signups(db).where({ _id: _.in(chunk) }).field({ _id: true, status: true, cancelledAt: true, history: true }).limit(chunk.length),
    )
    for (const { _id, ...state } of docs) found.set(_id, state)
  }
  return found
}
