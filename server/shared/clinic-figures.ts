// The clinic figures that 数据概览 (content.overview) and the attendance page read instead of the sign-up
// records: one document per slot (`s_<slotId>`) and per venue (`v_<venueId>`) in `clinicFigures`, each
// with the sign-ups by status and by China day of sign-up, recomputed outright by clinicAdmin's
// `clinicFigures` timer (server/clinicAdmin/figures.ts) from the records changed since its last cutoff;
// the `state` document holds that cutoff and, while a catch-up spans several runs, its progress (the
// `pending` document lists the slots it recounts). Every figure counts the records as they stood at the
// cutoff (a visit right after a run is exact; between runs it is at most one timer period plus the settle
// old); during a catch-up, the slots already recounted are newer than the cutoff, the others not yet.
import type { DB } from 'wx-server-sdk'
import type { FiguresCatchUp } from '../../src/contract/clinic-admin'
import { toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import { getDocs, getFirst } from '../core/db'

/** Sign-ups by status (confirmed, waitlisted, checked_in, cancelled) and by China day of sign-up (all statuses). */
export interface Counts {
  n: Record<string, number>
  days: Record<string, number>
}

export interface SlotFigures extends Counts {
  _id: string
  kind: 'slot'
  slotId: string
  venueId: string
}

export interface VenueFigures extends Counts {
  _id: string
  kind: 'venue'
  venueId: string
}

export interface FiguresState {
  _id: typeof STATE_ID
  kind: 'state'
  /** Epoch ms: every record stamped (updatedAt) before it is counted. 0 before the first run. */
  upTo: number
  /** The run holding the state (a compare-and-set claim), and until when (epoch ms). */
  leaseBy: string
  leaseUntil: number
  /** A catch-up under way: the slots changed before `end` are recounted in slot-_id order, those up to `after` done. */
  catchUp?: CatchUp
}

export interface CatchUp {
  /** Epoch ms: the cutoff this catch-up brings the figures to (`upTo` moves there once every slot is recounted). */
  end: number
  /** The last slot _id recounted ('' before the first). */
  after: string
  done: number
  total: number
}

/** The slots a catch-up recounts, sorted by slot _id: [slotId, venueId, records changed before `end`]. */
export interface PendingSlots {
  _id: typeof PENDING_ID
  kind: 'pending'
  end: number
  slots: Array<[string, string, number]>
}

export const STATE_ID = 'state'
export const PENDING_ID = 'pending'
export const slotFiguresId = (slotId: string) => `s_${slotId}`
export const venueFiguresId = (venueId: string) => `v_${venueId}`
export const figuresOf = (db: DB.Database) => db.collection(COLLECTIONS.clinicFigures)

interface FiguresRead {
  slots: Map<string, SlotFigures>
  venues: Map<string, VenueFigures>
  /** China ISO time the figures are exact up to, or null before the timer's first run. */
  at: string | null
  /** A catch-up under way (slots recounted of those changed up to its cutoff), or null. */
  catchUp: FiguresCatchUp | null
}

/**
 * The figures of the given venues (null: of all), their slots' and their own, with the cutoff: one
 * request whatever the number of sign-ups (up to 1,000 figure documents; the state is read apart only
 * when more crowd it out).
 */
export async function readFigures(db: DB.Database, venueIds: string[] | null): Promise<FiguresRead> {
  const _ = db.command
  const where = venueIds ? _.or([{ _id: STATE_ID }, { venueId: _.in(venueIds) }]) : { kind: _.in(['slot', 'venue', 'state']) }
  const docs = await getDocs<SlotFigures | VenueFigures | FiguresState>(figuresOf(db).where(where).limit(1000))
  const slots = new Map<string, SlotFigures>()
  const venues = new Map<string, VenueFigures>()
  let state: FiguresState | null = null
  for (const doc of docs) {
    if (doc.kind === 'slot') slots.set(doc.slotId, doc)
    else if (doc.kind === 'venue') venues.set(doc.venueId, doc)
    else state = doc
  }
  if (!state && docs.length === 1000) state = await getFirst<FiguresState>(figuresOf(db).where({ _id: STATE_ID }).limit(1))
  const catchUp = state?.catchUp ? { done: state.catchUp.done, total: state.catchUp.total } : null
  return { slots, venues, at: state && state.upTo > 0 ? toChinaIso(new Date(state.upTo)) : null, catchUp }
}
