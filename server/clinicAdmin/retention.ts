// What the retention purge deletes, and when. A slot's personal data goes CLINIC_RETENTION_DAYS days
// (default 30) after the slot's own end (its China date and end time), never earlier, whatever its
// festival's dates: on each of its sign-ups the name, phone, birth month, note, phone tail and check-in
// token are blanked or removed, while status, category, services, history and times stay, so
// attendance figures survive; each notice to a resident about it loses its text (it names the
// person). A slot is marked `purgedAt` once done, so later runs skip it and a run that stopped
// half-way is finished by the next one.
import { addChinaDays, chinaDate, toChinaIso } from '../core/china-time'
import { slotEnd } from '../shared/slot-rules'
import type { SlotDoc } from '../shared/clinic-records'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, updated } from '../core/db'

export const DEFAULT_RETENTION_DAYS = 30
const NOTICE_GONE = '（通知内容已按个人信息保护规定删除）'

export function retentionDays(): number {
  const raw = process.env.CLINIC_RETENTION_DAYS
  const days = raw === undefined || raw.trim() === '' ? DEFAULT_RETENTION_DAYS : Number(raw)
  return Number.isInteger(days) && days >= 0 ? days : DEFAULT_RETENTION_DAYS
}

export interface Scope {
  /** The festivals of the slots in scope. */
  festivals: string[]
  slotIds: string[]
}

/** Slots a dry run reads. */
export const PURGE_BATCH = 1000

/** When a slot's personal data may go: `days` whole days after the slot's own end. */
export function purgeDue(slot: Pick<SlotDoc, 'date' | 'endTime'>, days: number): Date {
  return new Date(slotEnd(slot).getTime() + days * 86_400_000)
}

type Candidate = Pick<SlotDoc, '_id' | 'festivalId' | 'date' | 'endTime'>

/** The last slot date that may be due at `now`: `days` China days back. */
export const lastDueDate = (now: Date, days: number) => addChinaDays(chinaDate(now), -days)

/** Unpurged slots dated up to `lastDate`, after (date, _id) in that order: the purge job's next candidates. */
export async function candidateSlots(ctx: Ctx, lastDate: string, after: { date: string; id: string }, limit: number): Promise<Candidate[]> {
  const _ = ctx.db.command
  const base = { date: _.lte(lastDate), purgedAt: _.exists(false) }
  const where = after.id ? _.and([base, _.or([{ date: _.gt(after.date) }, { date: after.date, _id: _.gt(after.id) }])]) : base
  return getDocs<Candidate>(
    ctx.db.collection(COLLECTIONS.clinicSlots).where(where)
      .field({ _id: true, festivalId: true, date: true, endTime: true }).orderBy('date', 'asc').orderBy('_id', 'asc').limit(limit),
  )
}

/** How many unpurged slots are dated up to `lastDate` (those of the last day may not be due yet). */
export async function countCandidates(ctx: Ctx, lastDate: string): Promise<number> {
  const res = (await ctx.db.collection(COLLECTIONS.clinicSlots).where({ date: ctx.db.command.lte(lastDate), purgedAt: ctx.db.command.exists(false) }).count()) as { total?: number }
  return res.total ?? 0
}

/** Slots not yet purged whose own end lies more than `days` days before now. */
export async function purgeScope(ctx: Ctx, days: number): Promise<Scope> {
  const _ = ctx.db.command
  const now = ctx.now()
  const lastDate = lastDueDate(now, days)
  const candidates = await getDocs<Candidate>(
    ctx.db.collection(COLLECTIONS.clinicSlots).where({ date: _.lte(lastDate), purgedAt: _.exists(false) })
      .field({ _id: true, festivalId: true, date: true, endTime: true }).orderBy('date', 'asc').limit(PURGE_BATCH),
  )
  const due = candidates.filter((slot) => purgeDue(slot, days).getTime() <= now.getTime())
  return { festivals: [...new Set(due.map((s) => s.festivalId))].sort(), slotIds: due.map((s) => s._id) }
}

/** Anonymises the slots' sign-ups and notices (or, in a dry run, counts them). */
export async function anonymise(ctx: Ctx, slotIds: string[], dryRun: boolean): Promise<{ signups: number; notices: number }> {
  if (slotIds.length === 0) return { signups: 0, notices: 0 }
  const _ = ctx.db.command
  const pending = { slotId: _.in(slotIds), anonymisedAt: _.exists(false) }
  const signups = ctx.db.collection(COLLECTIONS.clinicSignups).where(pending)
  const notices = ctx.db.collection(COLLECTIONS.clinicOutbox).where(pending)
  if (dryRun) {
    const [s, n] = (await Promise.all([signups.count(), notices.count()])) as Array<{ total: number }>
    return { signups: s?.total ?? 0, notices: n?.total ?? 0 }
  }
  const at = toChinaIso(ctx.now())
  const counts = {
    signups: await updated(signups.update({
      data: {
        'person.name': '', 'person.phone': '', 'person.birthMonth': _.remove(), phoneTail: '', note: _.remove(),
        checkInToken: _.remove(), promotedNotice: _.remove(), anonymisedAt: at,
      },
    })),
    notices: await updated(notices.update({ data: { body: NOTICE_GONE, anonymisedAt: at } })),
  }
  await ctx.db.collection(COLLECTIONS.clinicSlots).where({ _id: _.in(slotIds) }).update({ data: { purgedAt: at } })
  return counts
}
