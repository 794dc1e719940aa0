// Free-clinic (义诊) sign-up: the types the app shows and sends, their Chinese labels, and the privacy
// notice a resident agrees to. Plain TypeScript (no zod) so pages import it at no bundle cost; the
// input validators live in clinic-contract.ts. Times: 'YYYY-MM-DD', 'HH:mm' and ISO 8601 with +08:00.

export const CLINIC_CATEGORIES = ['pregnant', 'child', 'woman', 'other'] as const
export type ClinicCategory = (typeof CLINIC_CATEGORIES)[number]
export const CLINIC_CATEGORY_LABELS: Record<ClinicCategory, string> = {
  pregnant: '孕产妇',
  child: '儿童',
  woman: '妇女',
  other: '其他',
}

export const PERSON_RELATIONS = ['self', 'child', 'family'] as const
export type PersonRelation = (typeof PERSON_RELATIONS)[number]
export const PERSON_RELATION_LABELS: Record<PersonRelation, string> = { self: '本人', child: '孩子', family: '家人' }

/** A slot as a resident sees it, judged in China time. */
export type SlotStatus = 'not_open' | 'open' | 'full' | 'closed' | 'over'
export const SLOT_STATUS_LABELS: Record<SlotStatus, string> = {
  not_open: '未开始报名',
  open: '可报名',
  full: '已约满',
  closed: '报名已截止',
  over: '已结束',
}

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'checked_in'
/** As shown: a confirmed place whose slot is over without a check-in reads as a no-show. */
export type SignupViewStatus = SignupStatus | 'no_show'
export const SIGNUP_STATUS_LABELS: Record<SignupViewStatus, string> = {
  confirmed: '报名成功',
  waitlisted: '候补中',
  cancelled: '已取消',
  checked_in: '已签到',
  no_show: '未到场',
}

export type SignupEvent = 'signed_up' | 'waitlisted' | 'promoted' | 'cancelled' | 'checked_in' | 'reminded'
export const SIGNUP_EVENT_LABELS: Record<SignupEvent, string> = {
  signed_up: '报名成功',
  waitlisted: '加入候补',
  promoted: '候补转正',
  cancelled: '取消报名',
  checked_in: '现场签到',
  reminded: '已发送提醒',
}

export interface SignupHistoryEntry {
  event: SignupEvent
  /** ISO 8601 +08:00 */
  at: string
  /** Who did it when it was not the resident (the staff member's display name). */
  by?: string
}

/** The person a place is for. No ID-card number is ever asked for. */
export interface SignupPerson {
  relation: PersonRelation
  name: string
  /** Mainland mobile number, 11 digits. */
  phone: string
  category: ClinicCategory
  /** YYYY-MM; required for a child (the account holder is the guardian). */
  birthMonth?: string
}

export interface ClinicSlotSummary {
  _id: string
  venueId: string
  venueName: string
  title: string
  /** China date YYYY-MM-DD and times HH:mm */
  date: string
  startTime: string
  endTime: string
  place: string
  services: string[]
  audience: ClinicCategory[]
  quota: number
  confirmed: number
  placesLeft: number
  waitlisted: number
  status: SlotStatus
  /** True when the slot is full but residents may still join its waitlist. */
  waitlistOpen: boolean
  signupOpensAt: string
  signupClosesAt: string
}

export interface ClinicSlotDetail extends ClinicSlotSummary {
  cancelCutoffAt: string
  perAccountLimit: number
  waitlistLimit: number
  closed: boolean
  note?: string
}

export interface ClinicSlotPage {
  items: ClinicSlotSummary[]
  page: number
  hasMore: boolean
}

export interface MySignup {
  _id: string
  slotId: string
  /** null when the slot has since been removed. */
  slot: ClinicSlotSummary | null
  person: SignupPerson
  services: string[]
  note?: string
  remind: boolean
  status: SignupViewStatus
  history: SignupHistoryEntry[]
  /** Only for a confirmed place of a slot not over: show it as a QR code. Usable once. */
  checkInCode?: string
  canCancel: boolean
  cancelCutoffAt?: string
  createdAt: string
}

export type SignUpOutcome = 'confirmed' | 'waitlisted' | 'already'
export interface SignUpResult {
  signup: MySignup
  outcome: SignUpOutcome
}

export interface ClinicNotice {
  _id: string
  kind: 'promoted' | 'reminder'
  signupId: string
  title: string
  body: string
  createdAt: string
}

/** What the staff member at the door sees: masked name and phone, never the full entry. */
export interface CheckInEntry {
  signupId: string
  slotId: string
  maskedName: string
  maskedPhone: string
  category: ClinicCategory
  services: string[]
  status: SignupStatus
}

export type CheckInResult =
  | { outcome: 'checked_in'; entry: CheckInEntry; checkedInAt: string }
  | { outcome: 'already'; entry: CheckInEntry; checkedInAt: string; checkedInBy: string; notice: string }
  | { outcome: 'matches'; matches: CheckInEntry[] }

export interface ReminderRun {
  /** The China date whose sign-ups were reminded (tomorrow at the time of the run). */
  date: string
  sent: number
  failed: number
  /** Of `sent` and `failed`, the reminders of festival events (提醒我). */
  events?: { sent: number; failed: number }
  /** Set when the run did nothing on purpose (quiet hours). */
  skipped?: string
}

/** One run of the lost-hold repair (places held with no sign-up, freed after a grace period). */
export interface HoldRepairRun {
  /** Slots from today on with places taken or waited for. */
  slots: number
  /** Holds old enough to be checked against their sign-ups. */
  checked: number
  /** Holds with no sign-up that this run freed. */
  repaired: number
}

export const CLINIC_PRIVACY_VERSION = 'clinic-privacy-2022-1'

/** The short notice shown beside the consent box at sign-up. */
export const CLINIC_PRIVACY_NOTICE =
  '为安排义诊，我们收集您填写的姓名、手机号、人群类别和所选服务（为孩子报名时还有出生年月），不收集身份证号。' +
  '这些信息只用于本场义诊的报名、候补通知、就诊提醒和现场签到；只有该分会场工作人员和文化节组委会可以查看，名单默认隐去部分姓名和号码。' +
  '文化节结束后按组委会公布的期限删除或匿名化，只保留不含个人信息的统计数字。'

/**
 * Who a sign-up is for must agree with its category and birth month (a resident cannot sign herself up
 * as a child; a child is in the 儿童 category; only children have a birth month). Plain TypeScript so the
 * form and the `clinic.signUp` schema apply the same rule: the field at fault and what to do, or null.
 */
export function personMismatch(p: { relation: PersonRelation; category: ClinicCategory | ''; birthMonth?: string }): { field: 'category' | 'birthMonth'; message: string } | null {
  if (p.relation === 'child' && p.category && p.category !== 'child') return { field: 'category', message: '为孩子报名时，人群类别请选「儿童」' }
  if (p.relation === 'self' && p.category === 'child') return { field: 'category', message: '为本人报名不能选「儿童」；为孩子报名请在「为谁报名」中选「孩子」' }
  if (p.birthMonth && p.category !== 'child') return { field: 'birthMonth', message: '只有儿童需要填写出生年月，请删去' }
  return null
}
