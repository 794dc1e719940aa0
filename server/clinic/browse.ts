// Read-only actions: the slot list (one database request per page), one slot, and the caller's own
// sign-ups, last entered persons and notices.
import type { Api } from '../../src/contract/api'
import type { ClinicNotice, ClinicSlotDetail, ClinicSlotPage, MySignup, SignupPerson } from '../../src/contract/clinic'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaDate } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import { normaliseName } from '../shared/clinic-identity'
import { detail, summarise } from '../shared/slot-rules'
import { signupsOf } from './signup-store'
import { readSlot, slotProjection, slotsByIds } from './slot-store'
import type { OutboxDoc, SignupDoc, SlotDoc } from '../shared/clinic-records'
import { signupView } from './views'
import { escapeRegExp } from '../core/search'

const PAGE_SIZE = 20


export async function listSlots(input: Api['clinic']['slots']['parsed'], ctx: Ctx): Promise<Result<ClinicSlotPage>> {
  const _ = ctx.db.command
  const now = ctx.now()
  const page = input.page ?? 1
  const where: Record<string, unknown> = { date: input.date ?? _.gte(chinaDate(now)) }
  if (input.venueId) where.venueId = input.venueId
  if (input.service) where.services = ctx.db.RegExp({ regexp: escapeRegExp(input.service), options: '' })
  const docs = await getDocs<Omit<SlotDoc, 'h'>>(
    ctx.db.collection(COLLECTIONS.clinicSlots)
      .where(where)
      .orderBy('date', 'asc')
      .orderBy('startTime', 'asc')
      .orderBy('_id', 'asc')
      .field(slotProjection())
      .skip((page - 1) * PAGE_SIZE)
      .limit(PAGE_SIZE + 1),
  )
  return ok({ items: docs.slice(0, PAGE_SIZE).map((s) => summarise(s, now)), page, hasMore: docs.length > PAGE_SIZE })
}

export async function getSlot(input: Api['clinic']['slot']['parsed'], ctx: Ctx): Promise<Result<ClinicSlotDetail>> {
  const slot = await readSlot(ctx.db, input.slotId)
  if (!slot) return fail('NOT_FOUND', '没有找到这一场义诊，可能已调整，请返回场次列表重新选择')
  return ok(detail(slot, ctx.now()))
}

export async function mySignups(ctx: Ctx): Promise<Result<MySignup[]>> {
  if (!ctx.openid) return ok([])
  const docs = await signupsOf(ctx.db, ctx.openid)
  const slots = await slotsByIds(ctx.db, [...new Set(docs.map((d) => d.slotId))])
  const now = ctx.now()
  return ok(docs.map((doc) => signupView(doc, slots.get(doc.slotId), now)))
}

/** The persons the caller entered most recently (at most 5, newest first), to prefill the form. */
export async function lastEntries(ctx: Ctx): Promise<Result<SignupPerson[]>> {
  if (!ctx.openid) return ok([])
  const docs = await signupsOf(ctx.db, ctx.openid, 30)
  const seen = new Set<string>()
  const persons: SignupPerson[] = []
  for (const { person } of docs) {
    if (!person.name) continue
    const key = `${normaliseName(person.name)}|${person.phone}`
    if (seen.has(key)) continue
    seen.add(key)
    persons.push(person)
    if (persons.length === 5) break
  }
  return ok(persons)
}

/** The caller's last 20 notices: reminders from the outbox, promotions from the promoted sign-ups. */
export async function myNotices(ctx: Ctx): Promise<Result<ClinicNotice[]>> {
  if (!ctx.openid) return ok([])
  const _ = ctx.db.command
  const [reminders, promoted] = await Promise.all([
    getDocs<OutboxDoc>(
      ctx.db.collection(COLLECTIONS.clinicOutbox)
        .where({ openid: ctx.openid, kind: 'reminder' })
        .orderBy('createdAt', 'desc').limit(20),
    ),
    getDocs<Pick<SignupDoc, '_id' | 'promotedNotice'>>(
      ctx.db.collection(COLLECTIONS.clinicSignups).where({ openid: ctx.openid, promotedNotice: _.exists(true) })
        .field({ _id: true, promotedNotice: true }).orderBy('createdAt', 'desc').limit(20),
    ),
  ])
  const notices: ClinicNotice[] = [
    ...reminders.map(({ _id, signupId, title, body, createdAt }) => ({ _id, kind: 'reminder' as const, signupId, title, body, createdAt })),
    ...promoted.flatMap(({ _id: signupId, promotedNotice: n }) => (n ? [{ _id: n._id, kind: 'promoted' as const, signupId, title: n.title, body: n.body, createdAt: n.at }] : [])),
  ]
  return ok(notices.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 20))
}
