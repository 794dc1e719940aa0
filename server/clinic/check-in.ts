// checkIn at the door, by staff of the slot's venue (or an organiser): scan the resident's code, or
// look them up by the last 4 digits of their phone and confirm one match by its signupId. A code works
// once: the sign-up moves confirmed → checked_in with one conditional update, and a second scan reports
// when and by whom it was checked in. The door flow itself is the shared one of core/one-time-code.ts
// (the discount-week offers are redeemed through it too); this file says what a sign-up pass is.
import type { Api } from '../../src/contract/api'
import type { CheckInResult } from '../../src/contract/clinic'
import { fail, ok, type Result } from '../../src/contract/result'
import { allowVenue, requireStaff, type StaffMember } from '../core/auth'
import { chinaDate, chinaLabel } from '../core/china-time'
import type { Ctx } from '../core/context'
import { usePass, type PassKind } from '../core/one-time-code'
import { parseCheckInCode } from '../shared/clinic-identity'
import { byPhoneTail, getSignup, transition } from './signup-store'
import { readSlot } from './slot-store'
import type { SignupDoc } from '../shared/clinic-records'
import { checkInEntry } from './views'

type CheckInInput = Api['clinic']['checkIn']['parsed']

const BAD_CODE = '签到码无效：请让居民在「我的报名」中刷新后重新出示，或改用手机号后 4 位查找'

function alreadyIn(doc: SignupDoc): Result<CheckInResult> {
  const at = doc.checkedInAt ?? doc.updatedAt
  const by = doc.checkedInByName ?? '工作人员'
  return ok({
    outcome: 'already', entry: checkInEntry(doc), checkedInAt: at, checkedInBy: by,
    notice: `这位居民已于 ${chinaLabel(new Date(at))} 由 ${by} 签到，无需重复签到`,
  })
}

/** A clinic sign-up as a door pass: used once, on the day of its slot, only when it holds a place. */
function signupPass(ctx: Ctx, member: StaffMember): PassKind<SignupDoc> {
  return {
    load: (id) => getSignup(ctx.db, id),
    token: (doc) => doc.checkInToken,
    used: (doc) => doc.status === 'checked_in',
    async refuse(doc, now) {
      if (doc.status === 'waitlisted') return fail('CONFLICT', '这位居民仍在候补中，尚未获得名额，不能签到')
      if (doc.status === 'cancelled') return fail('CONFLICT', '这份报名已取消，不能签到；如有空余名额，请居民重新报名')
      const slot = await readSlot(ctx.db, doc.slotId)
      if (!slot) return fail('NOT_FOUND', '这份报名所属的场次已不存在，请联系组委会')
      if (chinaDate(now) !== slot.date) return fail('CONFLICT', `这是 ${slot.date} ${slot.startTime} 「${slot.title}」的报名，请在义诊当天签到`)
      return null
    },
    mark(doc, at, token) {
      const where = { _id: doc._id, status: 'confirmed' as const, ...(token === undefined ? {} : { checkInToken: token }) }
      const set = { checkedInAt: at, checkedInBy: member.openid, checkedInByName: member.displayName }
      return transition(ctx.db, where, 'checked_in', { event: 'checked_in', at, by: member.displayName }, set)
    },
    badCode: BAD_CODE,
    changed: '这份报名刚刚有变化，请重新扫码',
  }
}

async function byTail(ctx: Ctx, member: StaffMember, slotId: string, tail: string): Promise<Result<CheckInResult>> {
  const slot = await readSlot(ctx.db, slotId)
  if (!slot) return fail('NOT_FOUND', '没有找到这一场义诊，请重新选择场次')
  const allowed = allowVenue(member, slot.venueId)
  if (!allowed.ok) return allowed
  const found = await byPhoneTail(ctx.db, slotId, tail)
  return ok({ outcome: 'matches', matches: found.map(checkInEntry) })
}

export async function checkIn(input: CheckInInput, ctx: Ctx): Promise<Result<CheckInResult>> {
  const auth = await requireStaff(ctx)
  if (!auth.ok) return auth
  if (input.slotId !== undefined && input.phoneTail !== undefined) return byTail(ctx, auth.member, input.slotId, input.phoneTail)
  const code = input.code === undefined ? null : parseCheckInCode(input.code)
  const signupId = code?.signupId ?? input.signupId
  if (signupId === undefined) return fail('INVALID_INPUT', BAD_CODE)
  const used = await usePass(ctx, auth.member, signupPass(ctx, auth.member), signupId, code?.token)
  if (!used.ok) return used
  if (used.data.outcome === 'already') return alreadyIn(used.data.doc)
  return ok({ outcome: 'checked_in', entry: checkInEntry({ ...used.data.doc, status: 'checked_in' }), checkedInAt: used.data.at })
}
