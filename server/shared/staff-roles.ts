// Who may do what in a selection. Roles come only from the `staff` collection keyed by the caller's
// platform openid; which case categories an expert scores comes from `selectionExperts`
// (`<selectionId>_<openid>`), set by organisers or by redeeming an expert invite that names them. Everyone else is a resident.
import { fail, type Fail } from '../../src/contract/result'
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getFirst } from '../core/db'

interface StaffDoc {
  _id: string
  role: 'staff' | 'organiser' | 'expert'
  displayName?: string
}

interface ExpertAssignment {
  _id: string
  categories: string[]
}

export const NOT_ORGANISER = '此功能仅限文化节组委会使用，如需开通请联系组委会'
export const NOT_EXPERT = '此功能仅限评审专家使用；如您是评审专家，请先用组委会发给您的邀请码绑定身份'
export const NOT_SIGNED_IN = '请先在微信中打开小程序并登录后再操作'

async function staffDoc(ctx: Ctx): Promise<StaffDoc | null> {
  if (!ctx.openid) return null
  return getFirst<StaffDoc>(ctx.db.collection(COLLECTIONS.staff).where({ _id: ctx.openid }).limit(1))
}

export async function requireOrganiser(ctx: Ctx): Promise<{ ok: true; name: string } | Fail> {
  const doc = await staffDoc(ctx)
  if (doc?.role !== 'organiser') return fail('FORBIDDEN', NOT_ORGANISER)
  return { ok: true, name: doc.displayName ?? '组委会' }
}

export const expertAssignmentId = (selectionId: string, openid: string) => `${selectionId}_${openid}`

/** Writes the categories an expert scores in a selection (the document requireExpert reads); `by` says who assigned them. */
export async function saveExpertAssignment(ctx: Ctx, selectionId: string, expert: string, categories: string[], by: string): Promise<void> {
  await ctx.db.collection(COLLECTIONS.selectionExperts).doc(expertAssignmentId(selectionId, expert)).set({
    data: { selectionId, expert, categories, by, at: toChinaIsoMs(ctx.now()) },
  })
}

/** The categories an expert already scores in a selection (none when unassigned). */
export async function expertCategories(ctx: Ctx, selectionId: string, expert: string): Promise<string[]> {
  const assignment = await getFirst<ExpertAssignment>(
    ctx.db.collection(COLLECTIONS.selectionExperts).where({ _id: expertAssignmentId(selectionId, expert) }).limit(1),
  )
  return assignment?.categories ?? []
}

/** An expert of this selection and the categories they score (two reads, in parallel). */
export async function requireExpert(ctx: Ctx, selectionId: string): Promise<{ ok: true; categories: string[] } | Fail> {
  if (!ctx.openid) return fail('UNAUTHENTICATED', NOT_SIGNED_IN)
  const [doc, categories] = await Promise.all([staffDoc(ctx), expertCategories(ctx, selectionId, ctx.openid)])
  if (doc?.role !== 'expert') return fail('FORBIDDEN', NOT_EXPERT)
  if (categories.length === 0) return fail('FORBIDDEN', '组委会还没有为您分配这项评选的评审类别，请联系组委会')
  return { ok: true, categories }
}

export function requireSignedIn(ctx: Ctx): Fail | null {
  return ctx.openid ? null : fail('UNAUTHENTICATED', NOT_SIGNED_IN)
}
