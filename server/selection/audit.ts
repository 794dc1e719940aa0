// The audit log of organiser and expert actions on selections: who did what to which work, when, and
// why. Entries are only ever added.
import { COLLECTIONS } from '../core/collections'
import { toChinaIsoMs } from '../core/china-time'
import type { Ctx } from '../core/context'

export interface AuditEntry {
  action: string
  selectionId: string
  workId?: string
  reason?: string
  detail?: Record<string, unknown>
}

export async function writeAudit(ctx: Ctx, entry: AuditEntry): Promise<string> {
  const now = ctx.now()
  const res = (await ctx.db.collection(COLLECTIONS.selectionAudit).add({
    data: { ...entry, actor: ctx.openid, at: toChinaIsoMs(now), t: now.getTime() },
  })) as { _id?: string }
  return String(res._id ?? '')
}
