// Vote ledgers: one document per selection and voter (`<selectionId>_<openid>`) holding per-China-day
// counters and every vote record. Claiming a vote is ONE conditional update that checks both limits and
// the request id and, in the same atomic write, increments the counters and appends the record — so the
// limits can never be exceeded and a retried request id never counts twice. The first vote of a voter
// creates the ledger instead (deterministic _id: concurrent first votes settle through the duplicate key).
// Refusals are decided on reads only, so a refused vote writes nothing.
import type { DB } from 'wx-server-sdk'
import type { Selection } from '../../src/contract/selection'
import { COLLECTIONS } from '../core/collections'
import { getFirst, isDuplicateKey, updated } from '../core/db'

export interface VoteRecord {
  /** The client's request id: a retry or double tap sends the same one. */
  k: string
  /** Work id. */
  w: string
  /** Epoch milliseconds. */
  t: number
  /** China day, YYYY-MM-DD. */
  d: string
  /** 1 when voided by an organiser; r is the void's reference in the audit log. */
  v?: 1
  r?: string
}

export interface Ledger {
  _id: string
  selectionId: string
  voter: string
  /** The China day of the voter's first vote in this selection ("first seen"). */
  firstDay: string
  days: Record<string, { n: number; w: Record<string, number> }>
  votes: VoteRecord[]
  /**
   * The newest record's stamp (epoch ms), kept by every claim: a scan for records stamped after an
   * instant (the recount's touched works, the vote watch's recent minutes) skips the other ledgers.
   */
  t: number
}

export type Claim = 'claimed' | 'duplicate' | 'limit_day' | 'limit_work'

export const ledgerId = (selectionId: string, voter: string) => `${selectionId}_${voter}`
export const ballotsOf = (db: DB.Database) => db.collection(COLLECTIONS.selectionBallots)

export function readLedger(db: DB.Database, selectionId: string, voter: string): Promise<Ledger | null> {
  return getFirst<Ledger>(ballotsOf(db).where({ _id: ledgerId(selectionId, voter) }).limit(1))
}

export function remainingVotes(ledger: Ledger | null, selection: Selection, workId: string, day: string) {
  const today = ledger?.days[day]
  const remainingToday = Math.max(0, selection.limits.perDay - (today?.n ?? 0))
  const forWork = Math.max(0, selection.limits.perWorkPerDay - (today?.w[workId] ?? 0))
  return { remainingToday, remainingForWork: Math.min(remainingToday, forWork) }
}

/**
 * What this instance last knew of each ledger: today's counters and request ids. A vote the snapshot
 * would refuse is checked against a fresh read and refused without any write; a vote it would accept
 * goes straight to the conditional update (which stays the authority: a stale snapshot only costs a
 * read after the update matched nothing).
 */
interface Snapshot {
  day: string
  n: number
  w: Record<string, number>
  keys: Set<string>
}

const SNAPSHOTS = new Map<string, Snapshot>()
const MAX_SNAPSHOTS = 20_000

function snapshotOf(ledger: Ledger, day: string): Snapshot {
  const today = ledger.days[day]
  return { day, n: today?.n ?? 0, w: { ...(today?.w ?? {}) }, keys: new Set(ledger.votes.filter((v) => v.d === day).map((v) => v.k)) }
}

function remember(id: string, snapshot: Snapshot): void {
  if (SNAPSHOTS.size >= MAX_SNAPSHOTS) SNAPSHOTS.clear()
  SNAPSHOTS.set(id, snapshot)
}

function snapshotRefusal(s: Snapshot, selection: Selection, workId: string, key: string): Claim | null {
  if (s.keys.has(key)) return 'duplicate'
  if (s.n >= selection.limits.perDay) return 'limit_day'
  if ((s.w[workId] ?? 0) >= selection.limits.perWorkPerDay) return 'limit_work'
  return null
}

async function createLedger(db: DB.Database, ledger: Ledger): Promise<boolean> {
  try {
    await ballotsOf(db).add({ data: ledger })
    return true
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    return false
  }
}

/**
 * A refused vote never writes: it is decided on a read (the instance's snapshot, confirmed by a fresh
 * read). An accepted vote on a ledger this instance knows costs 1 database request; on an unknown one
 * 2 (the read, then the update or, for a voter's first vote, the insert).
 */
export async function claimVote(db: DB.Database, selection: Selection, voter: string, workId: string, key: string, now: Date, day: string): Promise<Claim> {
  const _ = db.command
  const id = ledgerId(selection._id, voter)
  const record: VoteRecord = { k: key, w: workId, t: now.getTime(), d: day }
  const dayCount = `days.${day}.n`
  const workCount = `days.${day}.w.${workId}`
  const cached = SNAPSHOTS.get(id)
  let known: Snapshot | null = cached?.day === day ? cached : null
  let fresh = false
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (!known || (!fresh && snapshotRefusal(known, selection, workId, key))) {
      const ledger = await readLedger(db, selection._id, voter)
      fresh = true
      if (!ledger) {
        const created: Ledger = { _id: id, selectionId: selection._id, voter, firstDay: day, days: { [day]: { n: 1, w: { [workId]: 1 } } }, votes: [record], t: record.t }
        if (await createLedger(db, created)) {
          remember(id, snapshotOf(created, day))
          return 'claimed'
        }
        known = null
        continue
      }
      if (ledger.votes.some((v) => v.k === key)) return 'duplicate'
      known = snapshotOf(ledger, day)
      remember(id, known)
    }
    const refused = snapshotRefusal(known, selection, workId, key)
    if (refused) return refused
    const claimed = await updated(
      ballotsOf(db)
        .where({ _id: id, [dayCount]: _.not(_.gte(selection.limits.perDay)), [workCount]: _.not(_.gte(selection.limits.perWorkPerDay)), 'votes.k': _.neq(key) })
        .update({ data: { [dayCount]: _.inc(1), [workCount]: _.inc(1), votes: _.push([record]), t: _.max(record.t) } }),
    )
    if (claimed) {
      known.n += 1
      known.w[workId] = (known.w[workId] ?? 0) + 1
      known.keys.add(key)
      remember(id, known)
      return 'claimed'
    }
    known = null
  }
  throw new Error(`vote claim on ${id} did not settle`)
}

/** Gives a claimed vote back (the work turned out not to be votable): the record is removed with its counts. */
export async function releaseVote(db: DB.Database, selectionId: string, voter: string, workId: string, key: string, day: string): Promise<void> {
  const _ = db.command
  await ballotsOf(db)
    .where({ _id: ledgerId(selectionId, voter), 'votes.k': key })
    .update({ data: { [`days.${day}.n`]: _.inc(-1), [`days.${day}.w.${workId}`]: _.inc(-1), votes: _.pull({ k: key }) } })
  SNAPSHOTS.delete(ledgerId(selectionId, voter))
}
