// What organisers and sub-venue staff see of free-clinic sign-ups: masked lists, a full entry revealed
// (organisers only, audit-logged), attendance figures, exports, and the personal-data purge. Plain types.
import type { ClinicCategory, SignupHistoryEntry, SignupStatus } from './clinic'

export const LIST_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'checked_in'] as const

export interface SignupListEntry {
  signupId: string
  /** 张*三 / 138****1234 unless revealed. */
  maskedName: string
  maskedPhone: string
  relation: string
  category: ClinicCategory
  services: string[]
  status: SignupStatus
  note?: string
  createdAt: string
  checkedInAt?: string
  checkedInByName?: string
  history: SignupHistoryEntry[]
  /** Set once the festival's personal data has been deleted. */
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
}

export interface ExportFile {
  fileID: string
  /** Temporary link (1 hour). */
  url: string
  rows: number
  masked: boolean
}

export interface PurgeRun {
  /** Festivals that ended more than `retentionDays` ago (China dates). */
  festivals: string[]
  /** Their slots not purged before this run. */
  slots: number
  /** Sign-ups whose name, phone, birth month, note and check-in token were (or would be) deleted. */
  anonymised: number
  /** Notices to residents (promotion, reminder) whose text, which names the person, was deleted. */
  notices: number
  /** Exported .xlsx files removed from cloud storage (a day after their export). */
  exportFiles: number
  retentionDays: number
  dryRun: boolean
}
