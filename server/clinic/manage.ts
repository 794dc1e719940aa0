// createSlot / updateSlot, for organisers or the staff of the slot's own venue. Times arrive as China
// wall-clock text and are stored as ISO 8601 +08:00. Lowering the quota below the places already taken
// is refused; the check is part of the conditional update, so a sign-up landing meanwhile cannot slip
// past it. Raising the quota first serves the waitlist. A slot lies within its festival's dates (the
// retention purge counts from the slot's own end, so a slot dated outside its edition is refused
// rather than kept or wiped on the festival's timetable).
import { randomBytes } from 'node:crypto'
import type { Api } from '../../src/contract/api'
import type { ClinicSlotDetail } from '../../src/contract/clinic'
import { slotTimeIssues, type SlotTimes } from '../../src/contract/clinic-contract'
import type { Festival, Venue } from '../../src/contract/model'
import { fail, ok, type Result } from '../../src/contract/result'
import { allowVenue, requireStaff } from '../core/auth'
import { chinaDateTime, chinaInstant, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getFirst, updated } from '../core/db'
import { settle } from './promote'
import { detail, slotEnd } from '../shared/slot-rules'
import { readSlot, remember } from './slot-store'
import type { SlotDoc } from '../shared/clinic-records'

type CreateInput = Api['clinic']['createSlot']['parsed']
type UpdateInput = Api['clinic']['updateSlot']['parsed']

const iso = (wallClock: string) => toChinaIso(chinaInstant(wallClock))
const wall = (isoTime: string) => chinaDateTime(new Date(isoTime))

function timeProblem(times: SlotTimes, now: Date) {
  const past = slotEnd(times).getTime() <= now.getTime()
  const issues = [...(past ? [{ path: 'date', message: '义诊时间已经过去，请检查日期和时间' }] : []), ...slotTimeIssues(times)]
  return issues.length ? fail('INVALID_INPUT', `提交的内容有误：${issues[0]?.message}`, issues) : null
}

type FestivalDates = Pick<Festival, 'name' | 'startDate' | 'endDate'>

async function festivalDates(ctx: Ctx, festivalId: string): Promise<FestivalDates | null> {
  return getFirst<FestivalDates>(
    ctx.db.collection(COLLECTIONS.festivals).where({ _id: festivalId }).field({ name: true, startDate: true, endDate: true }).limit(1),
  )
}

/** The refusal of a slot dated outside its festival (China calendar dates compare as text). */
function outsideFestival(date: string, festival: FestivalDates | null) {
  if (!festival) return fail('NOT_FOUND', '没有找到这个分会场所属的文化节，请联系组委会核对分会场设置')
  if (date >= festival.startDate && date <= festival.endDate) return null
  const message = `义诊日期须在${festival.name}期间（${festival.startDate} 至 ${festival.endDate}），请改选这期间的日期`
  return fail('INVALID_INPUT', `提交的内容有误：${message}`, [{ path: 'date', message }])
}

const quotaTooLow = (confirmed: number) =>
  fail('CONFLICT', `已有 ${confirmed} 人报名成功，名额不能少于 ${confirmed}。如确需减少，请先联系已报名的居民取消，再调整名额`)

export async function createSlot(input: CreateInput, ctx: Ctx): Promise<Result<ClinicSlotDetail>> {
  const auth = await requireStaff(ctx, input.venueId)
  if (!auth.ok) return auth
  const venue = await getFirst<Venue>(ctx.db.collection(COLLECTIONS.venues).where({ _id: input.venueId }).limit(1))
  if (!venue) return fail('NOT_FOUND', '没有找到这个分会场，请重新选择')
  const now = ctx.now()
  const start = `${input.date} ${input.startTime}`
  const signupClosesAt = input.signupClosesAt ?? start
  const times: SlotTimes = {
    date: input.date, startTime: input.startTime, endTime: input.endTime,
    signupOpensAt: input.signupOpensAt ?? chinaDateTime(now), signupClosesAt, cancelCutoffAt: input.cancelCutoffAt ?? signupClosesAt,
  }
  const problem = timeProblem(times, now) ?? outsideFestival(input.date, await festivalDates(ctx, venue.festivalId))
  if (problem) return problem
  const at = toChinaIso(now)
  const slot: SlotDoc = {
    _id: `${input.venueId.slice(0, 12)}-${input.date.replace(/-/g, '')}-${randomBytes(4).toString('hex')}`,
    festivalId: venue.festivalId, venueId: venue._id, venueName: venue.name,
    title: input.title, date: input.date, startTime: input.startTime, endTime: input.endTime, place: input.place,
    services: input.services, audience: input.audience, quota: input.quota,
    perAccountLimit: input.perAccountLimit ?? 3, waitlistLimit: input.waitlistLimit ?? input.quota,
    signupOpensAt: iso(times.signupOpensAt), signupClosesAt: iso(times.signupClosesAt), cancelCutoffAt: iso(times.cancelCutoffAt),
    closed: false, ...(input.note ? { note: input.note } : {}),
    confirmed: 0, waitlisted: 0, rev: 1, h: {}, createdAt: at, createdBy: ctx.openid, updatedAt: at,
  }
  await ctx.db.collection(COLLECTIONS.clinicSlots).add({ data: slot })
  const { h: _h, ...stored } = slot
  remember(stored)
  return ok(detail(stored, now))
}

export async function updateSlot(input: UpdateInput, ctx: Ctx): Promise<Result<ClinicSlotDetail>> {
  const auth = await requireStaff(ctx)
  if (!auth.ok) return auth
  const slot = await readSlot(ctx.db, input.slotId)
  if (!slot) return fail('NOT_FOUND', '没有找到这一场义诊，请返回列表刷新')
  const allowed = allowVenue(auth.member, slot.venueId)
  if (!allowed.ok) return allowed
  const now = ctx.now()
  const { slotId: _slotId, note, signupOpensAt, signupClosesAt, cancelCutoffAt, ...plain } = input
  const times: SlotTimes = {
    date: input.date ?? slot.date, startTime: input.startTime ?? slot.startTime, endTime: input.endTime ?? slot.endTime,
    signupOpensAt: signupOpensAt ?? wall(slot.signupOpensAt), signupClosesAt: signupClosesAt ?? wall(slot.signupClosesAt),
    cancelCutoffAt: cancelCutoffAt ?? wall(slot.cancelCutoffAt),
  }
  const problem = timeProblem(times, now) ?? (input.date ? outsideFestival(input.date, await festivalDates(ctx, slot.festivalId)) : null)
  if (problem) return problem
  if (input.quota !== undefined && input.quota < slot.confirmed) return quotaTooLow(slot.confirmed)
  const _ = ctx.db.command
  const data: Record<string, unknown> = { ...plain, rev: _.inc(1), updatedAt: toChinaIso(now) }
  if (signupOpensAt) data.signupOpensAt = iso(signupOpensAt)
  if (signupClosesAt) data.signupClosesAt = iso(signupClosesAt)
  if (cancelCutoffAt) data.cancelCutoffAt = iso(cancelCutoffAt)
  if (note !== undefined) data.note = note ? note : _.remove()
  const where = { _id: slot._id, rev: slot.rev, ...(input.quota !== undefined ? { confirmed: _.lte(input.quota) } : {}) }
  if ((await updated(ctx.db.collection(COLLECTIONS.clinicSlots).where(where).update({ data }))) !== 1) {
    const latest = await readSlot(ctx.db, slot._id)
    if (latest && input.quota !== undefined && latest.confirmed > input.quota) return quotaTooLow(latest.confirmed)
    return fail('CONFLICT', '这一场刚被其他工作人员修改，请刷新后再改')
  }
  if (input.quota !== undefined && input.quota > slot.quota) await settle(ctx, slot._id)
  const fresh = await readSlot(ctx.db, slot._id)
  return fresh ? ok(detail(fresh, now)) : fail('NOT_FOUND', '没有找到这一场义诊，请返回列表刷新')
}
