// The clinic audit log: every reveal of a full entry, every export and every purge is recorded with
// who (openid and name), what, when (China time), why and how many rows. Records are never updated.
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import type { StaffMember } from '../core/auth'

export interface AuditEntry {
  action: 'reveal' | 'export' | 'purge'
  target: string
  reason?: string
  rows?: number
  detail?: string
}

export async function audit(ctx: Ctx, who: Pick<StaffMember, 'openid' | 'displayName'> | 'timer', entry: AuditEntry): Promise<void> {
  const actor = who === 'timer' ? { openid: '', name: '定时任务' } : { openid: who.openid, name: who.displayName }
  await ctx.db.collection(COLLECTIONS.clinicAudit).add({ data: { ...entry, actor, at: toChinaIsoMs(ctx.now()) } })
}
