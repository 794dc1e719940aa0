// What the retention purge deletes, and where. A festival's personal data goes once it ended more than
// CLINIC_RETENTION_DAYS days ago (default 30, China dates): on each of its sign-ups the name, phone,
// birth month, note, phone tail and check-in token are blanked or removed, while status, category,
// services, history and times stay, so attendance figures survive; each notice to a resident about
// those slots loses its text (it names the person). A slot is marked `purgedAt` once done, so later
// runs skip it and a run that stopped half-way is finished by the next one.
import { addChinaDays, chinaDate, toChinaIso } from '../core/china-time'
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
  festivals: string[]
  slotIds: string[]
}

/** Festivals past retention and their slots not yet purged. */
export async function purgeScope(ctx: Ctx, days: number): Promise<Scope> {
  const _ = ctx.db.command
  const cutoff = addChinaDays(chinaDate(ctx.now()), -days)
  const festivals = (await getDocs<{ _id: string }>(
    ctx.db.collection(COLLECTIONS.festivals).where({ endDate: _.lt(cutoff) }).field({ _id: true }).orderBy('endDate', 'desc').limit(100),
  )).map((f) => f._id)
  if (festivals.length === 0) return { festivals, slotIds: [] }
  const slots = await getDocs<{ _id: string }>(
    ctx.db.collection(COLLECTIONS.clinicSlots).where({ festivalId: _.in(festivals), purgedAt: _.exists(false) }).field({ _id: true }).limit(1000),
  )
  return { festivals, slotIds: slots.map((s) => s._id) }
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
        checkInToken: _.remove(), anonymisedAt: at,
      },
    })),
    notices: await updated(notices.update({ data: { body: NOTICE_GONE, anonymisedAt: at } })),
  }
  await ctx.db.collection(COLLECTIONS.clinicSlots).where({ _id: _.in(slotIds) }).update({ data: { purgedAt: at } })
  return counts
}
