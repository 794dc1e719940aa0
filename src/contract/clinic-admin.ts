// What organisers and sub-venue staff see of free-clinic sign-ups: masked lists, a full entry revealed
// (organisers only, audit-logged), attendance figures, exports, and the personal-data purge. Plain types.
import type { ClinicCategory, SignupHistoryEntry, SignupStatus } from './clinic'
import type { JobProgress } from './jobs'

export const LIST_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'checked_in'] as const

/** A sign-up's number as staff read and search it: the first 8 hex digits after its slot id, upper case. */
export function signupNumber(signupId: string): string {
  return signupId.slice(-16, -8).toUpperCase()
}

/** Staff search a list by these; a name fragment is for organisers only. */
export const PHONE_TAIL_SEARCH = /^\d{4}$/
export const SIGNUP_NUMBER_SEARCH = /^[0-9A-Fa-f]{6,16}$/

export interface SignupListEntry {
  signupId: string
  /** 报名号 (signupNumber), by which staff find the entry again. */
  number: string
  /** 张*三 / 138****1234 unless revealed. */
  maskedName: string
  maskedPhone: string
  relation: string
  category: ClinicCategory
  services: string[]
  status: SignupStatus
  /** The resident's free-text note: organisers only (staff see `hasNote`). */
  note?: string
  /** Staff's view: the entry has a note, which organisers can see. */
  hasNote?: boolean
  createdAt: string
  checkedInAt?: string
  checkedInByName?: string
  history: SignupHistoryEntry[]
  /** Set once the personal data was deleted, `retentionDays` after the slot's end. */
  anonymised?: boolean
}

export interface SignupListPage {
  items: SignupListEntry[]
  page: number
  hasMore: boolean
}

export interface RevealedEntry {
  signupId: string
  name: string
  phone: string
  birthMonth?: string
  note?: string
}

export interface AttendanceRow {
  slotId: string
  title: string
  venueId: string
  venueName: string
  date: string
  startTime: string
  quota: number
  confirmed: number
  waitlisted: number
  checkedIn: number
  cancelled: number
  /** Confirmed places of a slot already over, never checked in. */
  noShow: number
}

export interface Attendance {
  slots: AttendanceRow[]
  venues: Array<Omit<AttendanceRow, 'slotId' | 'title' | 'date' | 'startTime'>>
  /** China ISO time the sign-up figures are exact up to (the figures timer's cutoff); null before its first run. */
  figuresAt?: string | null
}

/** The days that have clinic slots (oldest first) with how many, and today's China date, for a day picker. */
export interface SlotDays {
  today: string
  days: Array<{ date: string; slots: number }>
}

export interface ExportFile {
  fileID: string
  /** Temporary link (1 hour). */
  url: string
  /** The name to save it under: 巴南分会场-孕产保健咨询专场-2026-12-06-报名名单.xlsx */
  fileName: string
  rows: number
  masked: boolean
}

/** An export job: its progress and, once done, the file with a fresh one-hour link (while the file is kept). */
export interface ExportJob extends JobProgress {
  /** The name to save it under: 巴南分会场-孕产保健咨询专场-2026-12-06-报名名单.xlsx */
  fileName: string
  masked: boolean
  /** When the job was asked for (China time). */
  createdAt: string
  file?: ExportFile
}

/** One run of the clinic figures timer. */
export interface FiguresRun {
  /** China ISO time the figures are now exact up to (null before any run). */
  upTo: string | null
  /** Slots and venues whose figures this run recomputed. */
  slots: number
  venues: number
  /** Another run held the figures; this one did nothing. */
  busy: boolean
  /** A catch-up left for the next runs: slots recounted of those changed up to its cutoff; null when none is under way. */
  catchUp: FiguresCatchUp | null
}

/** The progress of a clinic-figures catch-up (a run recounts the changed slots a budget at a time). */
export interface FiguresCatchUp {
  done: number
  total: number
}

export interface PurgeRun {
  /** The festivals of the slots purged (or, in a dry run, due). */
  festivals: string[]
  /** Slots whose own end lies more than `retentionDays` days back, not purged before this run. */
  slots: number
  /** Sign-ups whose name, phone, birth month, note and check-in token were (or would be) deleted. */
  anonymised: number
  /** Notices to residents (promotion, reminder) whose text, which names the person, was deleted. */
  notices: number
  /** Exported .xlsx files removed from cloud storage (a day after their export). */
  exportFiles: number
  /** Export jobs left unfinished for a day, whose stored parts (personal data) were deleted. */
  abandonedExports: number
  retentionDays: number
  dryRun: boolean
  /** The day's purge job (not in a dry run): the slots and export files done so far of those due. */
  job?: JobProgress
}
