// How clinic data is stored. A slot carries its own place counters and, under `h`, the holds of each
// account (account key → person keys holding a confirmed or waitlisted place), so one conditional
// update decides quota, per-person uniqueness and the per-account limit at once. Sign-up documents
// follow the slot: every change writes the slot first when it takes a place and the sign-up first when
// it gives one back, so the slot's counters never undercount the sign-ups (never an oversold quota).
import type {
  ClinicSlotDetail, SignupHistoryEntry, SignupPerson, SignupStatus,
} from '../../src/contract/clinic'

/** The stored slot: the fields residents see (their meaning is documented in the contract) plus
 * the counters' bookkeeping. `confirmed` counts places taken (confirmed or checked in). */
export interface SlotDoc extends Pick<ClinicSlotDetail,
  '_id' | 'venueId' | 'venueName' | 'title' | 'date' | 'startTime' | 'endTime' | 'place' | 'services' | 'audience'
  | 'quota' | 'perAccountLimit' | 'waitlistLimit' | 'signupOpensAt' | 'signupClosesAt' | 'cancelCutoffAt' | 'closed'
  | 'note' | 'confirmed' | 'waitlisted'> {
  festivalId: string
  /** Bumped by every edit, so a sign-up decided on an older version of the rules retries. */
  rev: number
  h: Record<string, string[]>
  /** When each hold was taken and as what, under `t.<account>.p<personKey>` (hold-repair.ts); holds
   * taken before stamps existed have none. */
  t?: Record<string, Record<string, HoldStamp>>
  createdAt: string
  createdBy: string
  updatedAt: string
  /** Set by clinicAdmin's retention purge once the personal data of this slot's sign-ups is deleted. */
  purgedAt?: string
}

/** When a hold was taken (epoch ms of the taker's clock) and whether it counts as confirmed or waiting. */
export interface HoldStamp {
  at: number
  kind: 'confirmed' | 'waitlisted'
}

/** A slot as read for a decision: everything but other accounts' holds; `held` is the caller's, and
 * `stamps` their stamps keyed `p<personKey>`. */
export type SlotRead = Omit<SlotDoc, 'h' | 't'> & { held: string[]; stamps: Record<string, HoldStamp> }

export interface SignupDoc {
  _id: string
  slotId: string
  venueId: string
  openid: string
  personKey: string
  person: SignupPerson
  /** Last 4 digits of the phone, for the door's lookup. */
  phoneTail: string
  services: string[]
  note?: string
  remind: boolean
  status: SignupStatus
  /** Waitlist order: China-time ISO with milliseconds, then the person key (ties). */
  waitKey?: string
  /** 128-bit random token; the check-in code is `<_id>.<token>`. */
  checkInToken?: string
  consent: { version: string; at: string }
  history: SignupHistoryEntry[]
  createdAt: string
  updatedAt: string
  cancelledAt?: string
  checkedInAt?: string
  checkedInBy?: string
  checkedInByName?: string
  remindedAt?: string
  /** The notice of a promotion from the waitlist, written by the promotion itself (no separate record on
   * the cancellation's path); the outbox keeps only a failed send of it. */
  promotedNotice?: { _id: string; title: string; body: string; at: string }
  /** Set by the retention purge: name, phone, birth month, note, phone tail and token are gone. */
  anonymisedAt?: string
}

export interface OutboxDoc {
  _id: string
  openid: string
  /** 'event': a festival event's reminder (提醒我), with the reminder's id as signupId and the event's as slotId. */
  kind: 'promoted' | 'reminder' | 'event'
  signupId: string
  slotId: string
  title: string
  body: string
  /** The mini-program page a subscribe message opens. */
  page: string
  createdAt: string
  send: { state: 'sent' | 'failed' | 'skipped'; at: string; errCode?: number; detail?: string }
  /** Set by the retention purge, which replaces `body` (it names the person). */
  anonymisedAt?: string
}
