// Invite codes: an organiser creates one for a role (and venue); whoever redeems it in WeChat gets that
// role bound to their platform openid. Redeeming is one conditional update, so a code with N uses is
// never used N+1 times, however many phones try at once. The very first organiser redeems the
// bootstrap code set in the function's environment (FESTIVAL_BOOTSTRAP_CODE), once. An expert invite may
// carry the selection and case categories its redeemer scores: redeeming then also writes the expert's
// assignment (the same `selectionExperts` document selection.assignExpert writes), so experts can start
// scoring without a second step by the organiser.
import { randomBytes } from 'node:crypto'
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, type ExpertScope, type InviteView, type Redeemed } from '../../src/contract/account'
import type { Selection } from '../../src/contract/selection'
import { fail, ok, type Result } from '../../src/contract/result'
import { addChinaDays, chinaDate, toChinaIso } from '../core/china-time'
import { unknownCategory } from '../shared/selection-config'
import { expertCategories, saveExpertAssignment } from '../shared/staff-roles'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getFirst, isDuplicateKey, updated } from '../core/db'

export interface InviteDoc extends Omit<InviteView, 'code'> {
  _id: string
  remaining: number
}

interface StaffDoc {
  _id: string
  role: string
  venueId?: string
}

export function newInviteCode(): string {
  return Array.from(randomBytes(INVITE_CODE_LENGTH), (b) => INVITE_ALPHABET[b % INVITE_ALPHABET.length]).join('')
}

export function toView(doc: InviteDoc): InviteView {
  const { _id, remaining: _remaining, ...rest } = doc
  return { code: _id, ...rest }
}

async function whyNotRedeemed(ctx: Ctx, code: string): Promise<Result<never>> {
  const invite = await getFirst<InviteDoc>(ctx.db.collection(COLLECTIONS.invites).where({ _id: code }).limit(1))
  if (!invite) return fail('NOT_FOUND', '邀请码不存在，请核对后重新输入，或向组委会索取新的邀请码')
  if (invite.revoked) return fail('FORBIDDEN', '这个邀请码已被组委会作废，请向组委会索取新的邀请码')
  if (invite.expiresAt <= toChinaIso(ctx.now())) return fail('FORBIDDEN', '这个邀请码已过期，请向组委会索取新的邀请码')
  return fail('CONFLICT', '这个邀请码的使用次数已用完，请向组委会索取新的邀请码')
}

/** Adds the invite's categories to the expert's assignment for that selection (keeping ones given before). */
async function assignScope(ctx: Ctx, scope: ExpertScope, via: string): Promise<void> {
  const current = await expertCategories(ctx, scope.selectionId, ctx.openid)
  await saveExpertAssignment(ctx, scope.selectionId, ctx.openid, [...new Set([...current, ...scope.categories])], `invite:${via}`)
}

async function bind(ctx: Ctx, role: Redeemed['role'], displayName: string, venueId: string | undefined, via: string, scope?: ExpertScope) {
  const data = { role, displayName, boundAt: toChinaIso(ctx.now()), via, ...(venueId ? { venueId } : {}) }
  await ctx.db.collection(COLLECTIONS.staff).doc(ctx.openid).set({ data })
  if (role === 'expert' && scope) await assignScope(ctx, scope, via)
  return ok<Redeemed>({ role, displayName, ...(venueId ? { venueId } : {}) })
}

async function redeemBootstrap(ctx: Ctx, displayName: string): Promise<Result<Redeemed>> {
  try {
    await ctx.db.collection(COLLECTIONS.invites).add({
      data: { _id: 'bootstrap', role: 'organiser', uses: 1, used: 1, remaining: 0, revoked: true, createdBy: ctx.openid,
        createdAt: toChinaIso(ctx.now()), expiresAt: toChinaIso(ctx.now()) },
    })
  } catch (error) {
    if (isDuplicateKey(error)) return fail('CONFLICT', '首位组委会成员已经设置过；请向现有组委会成员索取邀请码')
    throw error
  }
  return bind(ctx, 'organiser', displayName, undefined, 'bootstrap')
}

export async function redeem(ctx: Ctx, code: string, displayName: string): Promise<Result<Redeemed>> {
  if (!ctx.openid) return fail('UNAUTHENTICATED', '请在微信中打开小程序后再输入邀请码')
  const bootstrap = process.env.FESTIVAL_BOOTSTRAP_CODE
  if (bootstrap && bootstrap.length >= 16 && code === bootstrap) return redeemBootstrap(ctx, displayName)
  const current = await getFirst<StaffDoc>(ctx.db.collection(COLLECTIONS.staff).where({ _id: ctx.openid }).limit(1))
  if (current?.role === 'organiser') return fail('CONFLICT', '您已是组委会成员，拥有全部权限，无需再绑定邀请码')
  const _ = ctx.db.command
  const taken = await updated(
    ctx.db.collection(COLLECTIONS.invites)
      .where({ _id: code, revoked: false, remaining: _.gt(0), expiresAt: _.gt(toChinaIso(ctx.now())) })
      .update({ data: { remaining: _.inc(-1), used: _.inc(1) } }),
  )
  if (taken !== 1) return whyNotRedeemed(ctx, code)
  const invite = await getFirst<InviteDoc>(ctx.db.collection(COLLECTIONS.invites).where({ _id: code }).limit(1))
  if (!invite) return fail('NOT_FOUND', '邀请码不存在，请核对后重新输入')
  return bind(ctx, invite.role, displayName, invite.venueId, code, invite.expertScope)
}

/** The selection and categories of an expert invite must exist: a typical-case selection and its category keys. */
async function checkScope(ctx: Ctx, scope: ExpertScope): Promise<Result<never> | null> {
  const selection = await getFirst<Selection>(ctx.db.collection(COLLECTIONS.selections).where({ _id: scope.selectionId }).limit(1))
  if (!selection || selection.kind !== 'cases') return fail('NOT_FOUND', '没有这项典型案例评选，请重新选择评审的评选')
  return unknownCategory(selection, scope.categories)
}

export async function create(
  ctx: Ctx, createdByName: string,
  input: { role: InviteDoc['role']; venueId?: string; note?: string; uses?: number; validDays?: number; expertScope?: ExpertScope },
): Promise<Result<InviteView>> {
  const badScope = input.role === 'expert' && input.expertScope ? await checkScope(ctx, input.expertScope) : null
  if (badScope) return badScope
  if (input.venueId) {
    const venue = await getFirst(ctx.db.collection(COLLECTIONS.venues).where({ _id: input.venueId }).limit(1))
    if (!venue) return fail('NOT_FOUND', '没有这个分会场，请重新选择')
  }
  const now = ctx.now()
  const uses = input.uses ?? 1
  const expiresAt = `${addChinaDays(chinaDate(now), input.validDays ?? 7)}T23:59:59+08:00`
  const doc: InviteDoc = {
    _id: newInviteCode(), role: input.role, uses, used: 0, remaining: uses, expiresAt, revoked: false,
    createdAt: toChinaIso(now), createdBy: createdByName,
    ...(input.role === 'staff' && input.venueId ? { venueId: input.venueId } : {}),
    ...(input.note ? { note: input.note } : {}),
    ...(input.role === 'expert' && input.expertScope ? { expertScope: input.expertScope } : {}),
  }
  await ctx.db.collection(COLLECTIONS.invites).add({ data: doc })
  return ok(toView(doc))
}

