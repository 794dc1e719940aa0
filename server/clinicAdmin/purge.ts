// Deletes residents' personal data from free-clinic sign-ups a set number of days after their festival
// ended (CLINIC_RETENTION_DAYS, default 30): names, phones, birth months, notes and check-in tokens go;
// status, category, services, history and times stay, so attendance figures survive. Idempotent. Run
// daily by the timer, or by an organiser (with dryRun to see what would go). Audit-logged.
import type { PurgeRun } from '../../src/contract/clinic-admin'
import type { Festival } from '../../src/contract/model'
import { ok, type Result } from '../../src/contract/result'
import { requireOrganiser } from '../core/auth'
import { addChinaDays, chinaDate, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import { audit } from './audit'

export function retentionDays(): number {
  const days = Number(process.env.CLINIC_RETENTION_DAYS ?? 30)
  return Number.isInteger(days) && days >= 0 ? days : 30
}

export async function purgePersonalData(input: { dryRun?: boolean }, ctx: Ctx): Promise<Result<PurgeRun>> {
  let actor: Parameters<typeof audit>[1] = 'timer'
  if (ctx.trigger !== 'timer') {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
    actor = auth.member
  }
  const cutoff = addChinaDays(chinaDate(ctx.now()), -retentionDays())
  const _ = ctx.db.command
  const ended = await getDocs<Pick<Festival, '_id'>>(
    ctx.db.collection(COLLECTIONS.festivals).where({ endDate: _.lt(cutoff) }).field({ _id: true }).limit(100),
  )
  const festivalIds = ended.map((f) => f._id)
  if (festivalIds.length === 0) return ok({ festivals: [], slots: 0, anonymised: 0, dryRun: input.dryRun === true })
  const slots = await getDocs<{ _id: string }>(
    ctx.db.collection(COLLECTIONS.clinicSlots).where({ festivalId: _.in(festivalIds) }).field({ _id: true }).limit(1000),
  )
  const where = { slotId: _.in(slots.map((s) => s._id)), 'person.name': _.neq('') }
  const signups = ctx.db.collection(COLLECTIONS.clinicSignups)
  let anonymised: number
  if (input.dryRun) {
    anonymised = ((await signups.where(where).count()) as { total: number }).total
  } else {
    const res = (await signups.where(where).update({
      data: {
        'person.name': '', 'person.phone': '', 'person.birthMonth': _.remove(), phoneTail: '', note: _.remove(),
        checkInToken: _.remove(), anonymisedAt: toChinaIso(ctx.now()),
      },
    })) as { stats?: { updated?: number } }
    anonymised = res.stats?.updated ?? 0
    await audit(ctx, actor, { action: 'purge', target: festivalIds.join(','), rows: anonymised, detail: `保留期 ${retentionDays()} 天` })
  }
  return ok({ festivals: festivalIds, slots: slots.length, anonymised, dryRun: input.dryRun === true })
}
