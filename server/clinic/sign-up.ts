// signUp: one person, one place per slot, never oversold. A confirmed sign-up is two database requests:
// take the place with one conditional update judged on this instance's cached copy of the slot (its
// `where` pins the copy's version and every rule used, slot-store.ts), then write the sign-up under its
// deterministic id. Only when that update misses (no copy yet, the slot full or changed, the person
// already holding, the account at its limit) is the slot read, with the caller's holds, to say why. A retry, a double tap or a second device of the same account
// finds the person already holding and gets the existing sign-up back ('already'). A hold whose sign-up
// was never written (a crash in between) is freed once past its grace and the retry signs up afresh
// (hold-repair.ts); for that, the sign-up is written only within WRITE_WINDOW_MS of taking the place.
import type { Api } from '../../src/contract/api'
import { CLINIC_CATEGORY_LABELS, CLINIC_PRIVACY_VERSION, type SignUpResult } from '../../src/contract/clinic'
import { fail, ok, type Fail, type Result } from '../../src/contract/result'
import { chinaLabel, chinaMonth, toChinaIso, toChinaIsoMs } from '../core/china-time'
import type { Ctx } from '../core/context'
import { isDuplicateKey } from '../core/db'
import { freeLostHold, lostHold, WRITE_WINDOW_MS } from './hold-repair'
import { accountKey, newCheckInToken, personKey, signupIdOf } from '../shared/clinic-identity'
import { afterHandover, settle } from './promote'
import { isFull, slotStatus } from '../shared/slot-rules'
import { getSignup, insertSignup, transition } from './signup-store'
import { cachedSlot, joinWaitlist, leaveWaitlist, readSlot, releasePlace, stampKey, takePlace } from './slot-store'
import type { SignupDoc, SlotRead } from '../shared/clinic-records'
import { cleanPerson, signupView } from './views'
import { sleep } from '../core/timing'

/** The place went while the form was open: the app switches the form to 加入候补 (the joinWaitlist issue) keeping what was typed. */
const JUST_FULL = '本场名额刚刚报满。您填写的内容已保留，点「加入候补」即可排队：有人取消时按顺序自动递补，并通知您'

type SignUpInput = Api['clinic']['signUp']['parsed']
type Taken = 'confirmed' | 'waitlisted'

const invalid = (path: string, message: string): Fail => fail('INVALID_INPUT', message, [{ path, message }])

function birthMonthProblem(person: SignUpInput['person'], now: Date): Fail | null {
  if (!person.birthMonth) return null
  const month = chinaMonth(now)
  if (person.birthMonth > month) return invalid('person.birthMonth', '出生年月不能晚于本月，请检查')
  const eighteenYearsAgo = `${Number(month.slice(0, 4)) - 18}${month.slice(4)}`
  if (person.category === 'child' && person.birthMonth <= eighteenYearsAgo) {
    return invalid('person.category', '「儿童」类别适用于未满 18 岁的孩子，请改选其他类别')
  }
  return null
}

function refusal(slot: SlotRead, input: SignUpInput, now: Date): Fail | null {
  const status = slotStatus(slot, now)
  if (status === 'over') return fail('CONFLICT', '本场义诊已结束，请选择其他场次')
  if (status === 'closed') {
    return fail('CONFLICT', slot.closed ? '本场已停止报名，请选择其他场次' : `本场报名已于 ${chinaLabel(new Date(slot.signupClosesAt))} 截止，请选择其他场次`)
  }
  if (status === 'not_open') return fail('CONFLICT', `本场将于 ${chinaLabel(new Date(slot.signupOpensAt))} 开放报名，请届时再来`)
  const missing = input.services.filter((s) => !slot.services.includes(s))
  if (missing.length > 0) {
    return invalid('services', `本场不提供「${missing.join('、')}」，请从本场服务中选择：${slot.services.join('、')}`)
  }
  if (!slot.audience.includes(input.person.category)) {
    const audience = slot.audience.map((c) => CLINIC_CATEGORY_LABELS[c]).join('、')
    return invalid('person.category', `本场义诊面向${audience}，请选择适合这位家人的场次`)
  }
  if (slot.held.length >= slot.perAccountLimit) {
    return fail('CONFLICT', `每个微信号在同一场最多为 ${slot.perAccountLimit} 人报名，您已报 ${slot.held.length} 人；如需换人，请先在「我的报名」中取消一位`)
  }
  return null
}

/** The person holds a place already: their sign-up, or 'repaired' when the hold was lost and is freed now. */
async function already(ctx: Ctx, slot: SlotRead, account: string, person: string): Promise<Result<SignUpResult> | 'repaired'> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const doc = await getSignup(ctx.db, signupIdOf(slot._id, person))
    if (doc && doc.status !== 'cancelled') return ok({ signup: signupView(doc, slot, ctx.now()), outcome: 'already' })
    const lost = lostHold(slot, account, person, slot.stamps[stampKey(person)], doc, ctx.now())
    if (lost) {
      await freeLostHold(ctx, slot, lost, { openid: ctx.openid, displayName: '本人重新报名' })
      return 'repaired'
    }
    await sleep(40 * (attempt + 1))
  }
  return fail('CONFLICT', '您的这份报名正在处理中，请稍后到「我的报名」查看结果')
}

/** Gives back the hold this call took (pinned to its stamp: a repair may have freed it and it been taken again). */
async function undoHold(ctx: Ctx, slot: SlotRead, person: string, taken: Taken, at: number): Promise<void> {
  const account = accountKey(ctx.openid)
  if (taken === 'waitlisted') {
    await leaveWaitlist(ctx.db, slot._id, account, person, at)
    return
  }
  if ((await releasePlace(ctx.db, slot._id, account, person, false, at)) === 'handed_over') await afterHandover(ctx, slot)
}

const TOO_LATE = '网络较慢，这次报名没有完成，已为您退回名额，请重新提交'

/**
 * Writes the sign-up for a place just taken, reusing the person's cancelled sign-up when there is one.
 * When the insert fails, the place is given back only once it is certain no sign-up was written (an
 * insert whose answer was lost may have happened): a place may be lost to an outage, never oversold.
 * Nothing is written later than WRITE_WINDOW_MS after the place was taken at `at` (see hold-repair.ts).
 */
async function persist(ctx: Ctx, slot: SlotRead, doc: SignupDoc, fresh: Partial<SignupDoc>, hasNote: boolean, at: number): Promise<SignupDoc | Fail> {
  const taken = doc.status as Taken
  const late = () => ctx.now().getTime() - at > WRITE_WINDOW_MS
  if (late()) {
    await undoHold(ctx, slot, doc.personKey, taken, at)
    return fail('CONFLICT', TOO_LATE)
  }
  try {
    await insertSignup(ctx.db, doc)
    return doc
  } catch (error) {
    if (isDuplicateKey(error)) {
      const stale = ['cancelledAt', 'checkedInAt', 'checkedInBy', 'checkedInByName', 'remindedAt', taken === 'confirmed' ? 'waitKey' : 'checkInToken']
      if (!hasNote) stale.push('note')
      const entry = doc.history[0] ?? { event: 'signed_up', at: doc.createdAt }
      if (late()) {
        await undoHold(ctx, slot, doc.personKey, taken, at)
        return fail('CONFLICT', TOO_LATE)
      }
      if (await transition(ctx.db, { _id: doc._id, status: 'cancelled', openid: doc.openid }, taken, entry, fresh, stale)) {
        return (await getSignup(ctx.db, doc._id)) ?? doc
      }
      await undoHold(ctx, slot, doc.personKey, taken, at)
      return fail('CONFLICT', '这份报名的记录状态异常，请稍后到「我的报名」查看，或联系分会场工作人员')
    }
    if (await getSignup(ctx.db, doc._id)) return doc
    await undoHold(ctx, slot, doc.personKey, taken, at)
    throw error
  }
}

/** Records a place just taken and answers with the resident's view of it. */
async function record(ctx: Ctx, slot: SlotRead, input: SignUpInput, person: string, taken: Taken, takenAt: number): Promise<Result<SignUpResult>> {
  const now = ctx.now()
  const at = toChinaIso(now)
  const entry = { event: taken === 'confirmed' ? 'signed_up' : 'waitlisted', at } as const
  const fresh = {
    person: cleanPerson(input.person),
    phoneTail: input.person.phone.trim().slice(-4),
    services: input.services,
    remind: input.remind === true,
    consent: { version: CLINIC_PRIVACY_VERSION, at },
    ...(input.note ? { note: input.note } : {}),
    ...(taken === 'confirmed' ? { checkInToken: newCheckInToken() } : { waitKey: `${toChinaIsoMs(now)}|${person}` }),
  }
  const id = signupIdOf(slot._id, person)
  let doc: SignupDoc = {
    _id: id, slotId: slot._id, venueId: slot.venueId, openid: ctx.openid, personKey: person, ...fresh,
    status: taken, history: [entry], createdAt: at, updatedAt: at,
  }
  const written = await persist(ctx, slot, doc, fresh, Boolean(input.note), takenAt)
  if ('ok' in written) return written
  doc = written
  let outcome: Taken = taken
  if (taken === 'waitlisted' && (await settle(ctx, slot._id)) > 0) {
    doc = (await getSignup(ctx.db, id)) ?? doc
    if (doc.status === 'confirmed') outcome = 'confirmed'
  }
  const counted = taken === 'confirmed' ? { ...slot, confirmed: slot.confirmed + 1 } : { ...slot, waitlisted: slot.waitlisted + 1 }
  return ok({ signup: signupView(doc, counted, now), outcome })
}

export async function signUp(input: SignUpInput, ctx: Ctx): Promise<Result<SignUpResult>> {
  if (!ctx.openid) return fail('UNAUTHENTICATED', '请在微信中打开小程序后再报名')
  const now = ctx.now()
  const badMonth = birthMonthProblem(input.person, now)
  if (badMonth) return badMonth
  const account = accountKey(ctx.openid)
  const person = personKey(ctx.openid, input.person)
  const ask = { services: input.services, category: input.person.category }
  const known = cachedSlot(input.slotId)
  if (known && !isFull(known) && !refusal(known, input, now) && (await takePlace(ctx.db, known, account, person, now.getTime(), ask))) {
    return record(ctx, known, input, person, 'confirmed', now.getTime())
  }
  for (let attempt = 0; attempt < 6; attempt += 1) {
    if (attempt > 1) await sleep(5 * attempt)
    const slot = await readSlot(ctx.db, input.slotId, account)
    if (!slot) return fail('NOT_FOUND', '没有找到这一场义诊，可能已调整，请返回场次列表重新选择')
    if (slot.held.includes(person)) {
      const mine = await already(ctx, slot, account, person)
      if (mine === 'repaired') continue
      return mine
    }
    const refused = refusal(slot, input, now)
    if (refused) return refused
    if (!isFull(slot)) {
      if (await takePlace(ctx.db, slot, account, person, now.getTime(), ask)) return record(ctx, slot, input, person, 'confirmed', now.getTime())
      continue
    }
    if (slot.waitlisted >= slot.waitlistLimit) {
      return fail('CONFLICT', slot.waitlistLimit === 0 ? '本场名额已满，且不设候补，请选择其他场次' : '本场名额和候补名单都已满，请选择其他场次')
    }
    if (!input.joinWaitlist) return fail('CONFLICT', JUST_FULL, [{ path: 'joinWaitlist', message: JUST_FULL }])
    if (await joinWaitlist(ctx.db, slot, account, person, now.getTime(), ask)) return record(ctx, slot, input, person, 'waitlisted', now.getTime())
  }
  return fail('CONFLICT', '报名的人太多，请稍后再试')
}
