// Roles for staff-only actions. A role comes only from the `staff` collection keyed by the caller's
// platform openid (bound by an organiser's invite, or set up as README describes); everyone else is a
// resident. Sub-venue staff may act only on their own venue; organisers on every venue.
import type { Role } from '../../src/contract/model'
import { fail, type Fail } from '../../src/contract/result'
import { COLLECTIONS } from './collections'
import type { Ctx } from './context'
import { getFirst } from './db'

export interface StaffMember {
  openid: string
  role: 'staff' | 'organiser'
  venueId?: string
  displayName: string
}

interface StaffDoc {
  _id: string
  role: Exclude<Role, 'resident'>
  venueId?: string
  displayName?: string
}

export type Authorized = { ok: true; member: StaffMember } | Fail

const NOT_STAFF = '此功能仅限义诊工作人员使用；如您是工作人员，请先用组委会发给您的邀请码绑定身份'
const OTHER_VENUE = '您只能操作本分会场的场次和报名；这一项属于其他分会场，请联系该分会场或组委会处理'

/** The caller's staff record (organiser or sub-venue staff), or null for residents and experts. */
export async function staffMember(ctx: Ctx): Promise<StaffMember | null> {
  if (!ctx.openid) return null
  const doc = await getFirst<StaffDoc>(ctx.db.collection(COLLECTIONS.staff).where({ _id: ctx.openid }).limit(1))
  if (!doc || (doc.role !== 'staff' && doc.role !== 'organiser')) return null
  if (doc.role === 'staff' && !doc.venueId) return null
  const member: StaffMember = { openid: doc._id, role: doc.role, displayName: doc.displayName ?? '工作人员' }
  if (doc.venueId) member.venueId = doc.venueId
  return member
}

/** Whether an already-loaded member may act on a venue. */
export function allowVenue(member: StaffMember, venueId: string): Authorized {
  if (member.role === 'organiser' || member.venueId === venueId) return { ok: true, member }
  return fail('FORBIDDEN', OTHER_VENUE)
}

/** Organisers, or staff of `venueId`. With no venue yet (e.g. a lookup by code), any staff member. */
export async function requireStaff(ctx: Ctx, venueId?: string): Promise<Authorized> {
  const member = await staffMember(ctx)
  if (!member) return fail('FORBIDDEN', NOT_STAFF)
  return venueId === undefined ? { ok: true, member } : allowVenue(member, venueId)
}

export async function requireOrganiser(ctx: Ctx): Promise<Authorized> {
  const member = await staffMember(ctx)
  if (member?.role === 'organiser') return { ok: true, member }
  return fail('FORBIDDEN', '此功能仅限文化节组委会使用，如需开通请联系组委会')
}
