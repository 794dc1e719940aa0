// The clinic audit log (`clinicAudit`): every reveal of a full entry, every export, every purge that
// changed something and every lost hold freed by the repair (server/clinic/hold-repair.ts) is recorded with who (openid and display name), what (action and target), when
// (China time, ISO 8601 +08:00), why and how many rows. Records are never changed, with one exception:
// an export's record gets `fileRemovedAt` when the daily purge deletes its file from storage.
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import { isDuplicateKey } from '../core/db'
import type { Ctx } from '../core/context'
import type { StaffMember } from '../core/auth'

export interface AuditEntry {
  action: 'reveal' | 'export' | 'purge' | 'repair'
  /** A sign-up id, a slot id, `venue:<id>`, or the purged festivals' ids. */
  target: string
  reason?: string
  rows?: number
  detail?: string
  /** The exported file in cloud storage. */
  fileID?: string
}

export interface AuditDoc extends AuditEntry {
  _id: string
  actor: { openid: string; name: string }
  at: string
  fileRemovedAt?: string
}

export type Actor = Pick<StaffMember, 'openid' | 'displayName'> | 'timer'

/** Records an entry; with `id` (e.g. the job that did the work) a repeated record of the same work is written once. */
export async function audit(ctx: Ctx, who: Actor, entry: AuditEntry, id?: string): Promise<void> {
  const actor = who === 'timer' ? { openid: '', name: '定时任务' } : { openid: who.openid, name: who.displayName }
  try {
    await ctx.db.collection(COLLECTIONS.clinicAudit).add({ data: { ...entry, actor, at: toChinaIsoMs(ctx.now()), ...(id ? { _id: id } : {}) } })
  } catch (error) {
    if (!id || !isDuplicateKey(error)) throw error
  }
}
