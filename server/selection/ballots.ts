// Vote ledgers: one document per selection and voter (`<selectionId>_<openid>`) holding per-China-day
// counters and every vote record. Claiming a vote is ONE conditional update that checks both limits and
// the request id and, in the same atomic write, increments the counters and appends the record — so the
// limits can never be exceeded and a retried request id never counts twice. The first vote of a voter
// creates the ledger instead (deterministic _id: concurrent first votes settle through the duplicate key).
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

function refusal(ledger: Ledger, selection: Selection, workId: string, key: string, day: string): Claim | null {
  if (ledger.votes.some((v) => v.k === key)) return 'duplicate'
  const today = ledger.days[day]
  if ((today?.n ?? 0) >= selection.limits.perDay) return 'limit_day'
  if ((today?.w[workId] ?? 0) >= selection.limits.perWorkPerDay) return 'limit_work'
  return null
}

/** Ledgers this instance has seen exist: a refused vote then reads the ledger at once instead of trying to create it. */
const KNOWN_LEDGERS = new Set<string>()
const remember = (id: string) => {
  if (KNOWN_LEDGERS.size >= 50_000) KNOWN_LEDGERS.clear()
  KNOWN_LEDGERS.add(id)
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
 * 1 database request for an accepted vote on an existing ledger, 2 for a voter's first vote; a refused
 * vote costs 2 (3 when this instance has not seen the voter's ledger before).
 */
export async function claimVote(db: DB.Database, selection: Selection, voter: string, workId: string, key: string, now: Date, day: string): Promise<Claim> {
  const _ = db.command
  const id = ledgerId(selection._id, voter)
  const record: VoteRecord = { k: key, w: workId, t: now.getTime(), d: day }
  const dayCount = `days.${day}.n`
  const workCount = `days.${day}.w.${workId}`
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const claimed = await updated(
      ballotsOf(db)
        .where({ _id: id, [dayCount]: _.not(_.gte(selection.limits.perDay)), [workCount]: _.not(_.gte(selection.limits.perWorkPerDay)), 'votes.k': _.neq(key) })
        .update({ data: { [dayCount]: _.inc(1), [workCount]: _.inc(1), votes: _.push([record]) } }),
    )
    if (claimed) {
      remember(id)
      return 'claimed'
    }
    const fresh: Ledger = { _id: id, selectionId: selection._id, voter, firstDay: day, days: { [day]: { n: 1, w: { [workId]: 1 } } }, votes: [record] }
    if (!KNOWN_LEDGERS.has(id) && (await createLedger(db, fresh))) {
      remember(id)
      return 'claimed'
    }
    const ledger = await readLedger(db, selection._id, voter)
    if (!ledger) {
      if (await createLedger(db, fresh)) return 'claimed'
      continue
    }
    remember(id)
    const refused = refusal(ledger, selection, workId, key, day)
    if (refused) return refused
  }
  throw new Error(`vote claim on ${id} did not settle`)
}

/** Gives a claimed vote back (the work turned out not to be votable): the record is removed with its counts. */
export async function releaseVote(db: DB.Database, selectionId: string, voter: string, workId: string, key: string, day: string): Promise<void> {
  const _ = db.command
  await ballotsOf(db)
    .where({ _id: ledgerId(selectionId, voter), 'votes.k': key })
    .update({ data: { [`days.${day}.n`]: _.inc(-1), [`days.${day}.w.${workId}`]: _.inc(-1), votes: _.pull({ k: key }) } })
}
