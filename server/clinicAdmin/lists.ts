// Per-slot sign-up lists for the door and the office: masked by default (张*三, 138****1234), filtered by
// status, searchable by the phone's last 4 digits or the 报名号 (signupNumber) — and, for organisers
// only, by a name fragment: a masked list must not confirm a guessed name to sub-venue staff. A
// resident's free-text note is shown to organisers only; staff see that there is one.
//
// One database request per page: a single aggregate selects the page of the slot's sign-ups (by the
// slotId index, in sign-up order), joins the caller's own `staff` record to each row and keeps a row
// only if the caller is an organiser or staff of the row's venue. Every sign-up of a slot carries the
// slot's venue, so a page is all or nothing. The role and the venue boundary are thus decided by the
// database in the same request, against the live staff record (nothing cached between requests): a
// resident, a revoked member or staff of another venue gets no rows, and check-in tokens never leave
// the database. Only an empty page costs more: the role and the slot are then looked up to say why it
// is empty (FORBIDDEN, NOT_FOUND, or simply no sign-ups).
// Revealing a full entry (note included) is for organisers only and is audit-logged with its reason.
// The days that have slots (with how many), for the pages' day picker, come in one aggregate request.
import {
  PHONE_TAIL_SEARCH, SIGNUP_NUMBER_SEARCH, signupNumber, type RevealedEntry, type SignupListEntry, type SignupListPage, type SlotDays,
} from '../../src/contract/clinic-admin'
import type { Api } from '../../src/contract/api'
import { fail, ok, type Result } from '../../src/contract/result'
import { allowVenue, requireOrganiser, requireStaff } from '../core/auth'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getFirst } from '../core/db'
import { maskName, maskPhone } from '../shared/clinic-identity'
import type { SignupDoc } from '../shared/clinic-records'
import { audit } from '../shared/clinic-audit'
import { escapeRegExp } from '../core/search'
import { chinaDate } from '../core/china-time'

export const LIST_PAGE_SIZE = 50
const GONE = '（已删除）'

type ListInput = Api['clinicAdmin']['signupList']['parsed']


type Search = { by: 'phoneTail' | 'number' | 'name'; text: string }

function searchOf(text: string | undefined): Search | null {
  if (!text) return null
  if (PHONE_TAIL_SEARCH.test(text)) return { by: 'phoneTail', text }
  if (SIGNUP_NUMBER_SEARCH.test(text)) return { by: 'number', text: text.toLowerCase() }
  return { by: 'name', text }
}

const NAME_SEARCH_REFUSED = '分会场工作人员请输入手机号后 4 位或报名号搜索；按姓名搜索仅限文化节组委会'

/** A list row; `organiser` decides whether the resident's note is shown or only flagged. */
export function toListEntry(doc: SignupDoc, organiser: boolean): SignupListEntry {
  const entry: SignupListEntry = {
    signupId: doc._id, number: signupNumber(doc._id), maskedName: doc.person.name ? maskName(doc.person.name) : GONE,
    maskedPhone: doc.person.phone ? maskPhone(doc.person.phone) : GONE, relation: doc.person.relation,
    category: doc.person.category, services: doc.services, status: doc.status, createdAt: doc.createdAt, history: doc.history,
  }
  if (doc.note && organiser) entry.note = doc.note
  else if (doc.note) entry.hasNote = true
  if (doc.checkedInAt) entry.checkedInAt = doc.checkedInAt
  if (doc.checkedInByName) entry.checkedInByName = doc.checkedInByName
  if (!doc.person.name) entry.anonymised = true
  return entry
}

type ListRow = SignupDoc & { organiser: boolean }

/** The page's rows, if the caller may see them: one aggregate request (see the header). */
async function pageRows(ctx: Ctx, input: ListInput, search: Search | null, page: number): Promise<ListRow[]> {
  const _ = ctx.db.command
  const $ = _.aggregate
  const where: Record<string, unknown> = { slotId: input.slotId }
  if (input.status) where.status = input.status
  if (search?.by === 'phoneTail') where.phoneTail = search.text
  else if (search?.by === 'number') where._id = ctx.db.RegExp({ regexp: `^${escapeRegExp(input.slotId)}-${search.text}`, options: '' })
  else if (search) where['person.name'] = ctx.db.RegExp({ regexp: escapeRegExp(search.text), options: '' })
  const res = (await ctx.db.collection(COLLECTIONS.clinicSignups).aggregate()
    .match(where)
    .sort({ createdAt: 1, _id: 1 })
    .skip((page - 1) * LIST_PAGE_SIZE)
    .limit(LIST_PAGE_SIZE + 1)
    .addFields({ caller: $.literal(ctx.openid) })
    .lookup({ from: COLLECTIONS.staff, localField: 'caller', foreignField: '_id', as: 'me' })
    .unwind('$me')
    .addFields({
      organiser: $.eq(['$me.role', 'organiser']),
      allowed: $.or([
        $.eq(['$me.role', 'organiser']),
        $.and([$.eq(['$me.role', 'staff']), $.eq(['$me.venueId', '$venueId'])]),
      ]),
    })
    .match({ allowed: true })
    .project({ caller: 0, me: 0, allowed: 0, checkInToken: 0, consent: 0 })
    .end()) as { list?: ListRow[] }
  return res.list ?? []
}

/** Why a page came back empty: not staff, another venue, no such slot — or really no sign-ups. */
async function emptyPage(ctx: Ctx, slotId: string, page: number): Promise<Result<SignupListPage>> {
  const auth = await requireStaff(ctx)
  if (!auth.ok) return auth
  const slot = await getFirst<{ venueId: string }>(
    ctx.db.collection(COLLECTIONS.clinicSlots).where({ _id: slotId }).field({ venueId: true }).limit(1),
  )
  if (!slot) return fail('NOT_FOUND', '没有找到这个场次，请返回重新选择')
  const allowed = allowVenue(auth.member, slot.venueId)
  return allowed.ok ? ok({ items: [], page, hasMore: false }) : allowed
}

export async function signupList(input: ListInput, ctx: Ctx): Promise<Result<SignupListPage>> {
  const page = input.page ?? 1
  const search = searchOf(input.search)
  if (search?.by === 'name') {
    const auth = await requireStaff(ctx)
    if (!auth.ok) return auth
    if (auth.member.role !== 'organiser') return fail('INVALID_INPUT', NAME_SEARCH_REFUSED, [{ path: 'search', message: NAME_SEARCH_REFUSED }])
  }
  const docs = ctx.openid ? await pageRows(ctx, input, search, page) : []
  if (docs.length === 0) return emptyPage(ctx, input.slotId, page)
  const items = docs.slice(0, LIST_PAGE_SIZE).map(({ organiser, ...doc }) => toListEntry(doc, organiser))
  return ok({ items, page, hasMore: docs.length > LIST_PAGE_SIZE })
}

export async function revealSignup(input: Api['clinicAdmin']['revealSignup']['parsed'], ctx: Ctx): Promise<Result<RevealedEntry>> {
  const auth = await requireOrganiser(ctx)
  if (!auth.ok) return fail('FORBIDDEN', '查看完整姓名和手机号仅限文化节组委会；分会场工作人员请按手机号后 4 位核对')
  const doc = await getFirst<SignupDoc>(ctx.db.collection(COLLECTIONS.clinicSignups).where({ _id: input.signupId }).limit(1))
  if (!doc) return fail('NOT_FOUND', '没有找到这条报名，请刷新名单后重试')
  if (!doc.person.name) return fail('NOT_FOUND', '这条报名的个人信息已按规定删除，无法查看')
  await audit(ctx, auth.member, { action: 'reveal', target: doc._id, reason: input.reason, rows: 1, detail: doc.slotId })
  const revealed: RevealedEntry = { signupId: doc._id, name: doc.person.name, phone: doc.person.phone }
  if (doc.person.birthMonth) revealed.birthMonth = doc.person.birthMonth
  if (doc.note) revealed.note = doc.note
  return ok(revealed)
}

/** At most this many days are listed (a festival lasts days; years of editions stay far below it). */
const DAYS_MAX = 1000

/**
 * The days with clinic slots, each with its number of slots, oldest first, and today's China date: a
 * staff member's own sub-venue, an organiser's every venue (or the one asked). One aggregate request.
 */
export async function slotDays(input: Api['clinicAdmin']['slotDays']['parsed'], ctx: Ctx): Promise<Result<SlotDays>> {
  const auth = await requireStaff(ctx, input.venueId)
  if (!auth.ok) return auth
  const venueId = auth.member.role === 'staff' ? auth.member.venueId : input.venueId
  const filter = venueId ? { venueId } : {}
  const $ = ctx.db.command.aggregate
  const res = (await ctx.db.collection(COLLECTIONS.clinicSlots).aggregate()
    .match(filter)
    .group({ _id: '$date', slots: $.sum(1) })
    .limit(DAYS_MAX)
    .end()) as { list?: Array<{ _id: string; slots: number }> }
  const days = (res.list ?? []).map((g) => ({ date: g._id, slots: g.slots })).sort((a, b) => a.date.localeCompare(b.date))
  return ok({ today: chinaDate(ctx.now()), days })
}
