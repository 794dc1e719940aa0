// Per-slot sign-up lists for the door and the office: masked by default (张*三, 138****1234), searchable
// by a name fragment or the phone's last 4 digits, filtered by status, one database query per page.
// Staff see only their own venue: the venue is part of the query itself, so no other venue's row can
// come back. Revealing a full entry is for organisers only and is audit-logged with its reason.
import type { RevealedEntry, SignupListEntry, SignupListPage } from '../../src/contract/clinic-admin'
import type { Api } from '../../src/contract/api'
import { fail, ok, type Result } from '../../src/contract/result'
import { requireOrganiser, requireStaff } from '../core/auth'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst } from '../core/db'
import { maskName, maskPhone } from '../clinic/identity'
import type { SignupDoc } from '../clinic/types'
import { audit } from './audit'

export const LIST_PAGE_SIZE = 50

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function toListEntry(doc: SignupDoc): SignupListEntry {
  const entry: SignupListEntry = {
    signupId: doc._id, maskedName: doc.person.name ? maskName(doc.person.name) : '（已删除）',
    maskedPhone: doc.person.phone ? maskPhone(doc.person.phone) : '（已删除）', relation: doc.person.relation,
    category: doc.person.category, services: doc.services, status: doc.status, createdAt: doc.createdAt, history: doc.history,
  }
  if (doc.note) entry.note = doc.note
  if (doc.checkedInAt) entry.checkedInAt = doc.checkedInAt
  if (doc.checkedInByName) entry.checkedInByName = doc.checkedInByName
  if (!doc.person.name) entry.anonymised = true
  return entry
}

export async function signupList(input: Api['clinicAdmin']['signupList']['parsed'], ctx: Ctx): Promise<Result<SignupListPage>> {
  const auth = await requireStaff(ctx)
  if (!auth.ok) return auth
  const page = input.page ?? 1
  const where: Record<string, unknown> = { slotId: input.slotId }
  if (auth.member.role === 'staff') where.venueId = auth.member.venueId
  if (input.status) where.status = input.status
  if (input.search && /^\d{4}$/.test(input.search)) where.phoneTail = input.search
  else if (input.search) where['person.name'] = ctx.db.RegExp({ regexp: escapeRegExp(input.search), options: '' })
  const docs = await getDocs<SignupDoc>(
    ctx.db.collection(COLLECTIONS.clinicSignups).where(where).orderBy('createdAt', 'asc')
      .skip((page - 1) * LIST_PAGE_SIZE).limit(LIST_PAGE_SIZE + 1),
  )
  return ok({ items: docs.slice(0, LIST_PAGE_SIZE).map(toListEntry), page, hasMore: docs.length > LIST_PAGE_SIZE })
}

export async function revealSignup(input: Api['clinicAdmin']['revealSignup']['parsed'], ctx: Ctx): Promise<Result<RevealedEntry>> {
  const auth = await requireOrganiser(ctx)
  if (!auth.ok) return fail('FORBIDDEN', '查看完整姓名和手机号仅限文化节组委会；分会场工作人员请按手机号后 4 位核对')
  const doc = await getFirst<SignupDoc>(ctx.db.collection(COLLECTIONS.clinicSignups).where({ _id: input.signupId }).limit(1))
  if (!doc) return fail('NOT_FOUND', '没有找到这条报名，请刷新名单后重试')
  if (!doc.person.name) return fail('NOT_FOUND', '这条报名的个人信息已按规定删除，无法查看')
  await audit(ctx, auth.member, { action: 'reveal', target: doc._id, reason: input.reason, rows: 1 })
  const revealed: RevealedEntry = { signupId: doc._id, name: doc.person.name, phone: doc.person.phone }
  if (doc.person.birthMonth) revealed.birthMonth = doc.person.birthMonth
  return ok(revealed)
}
