// Exported lists do not linger in cloud storage: the daily purge deletes every export file older than
// EXPORT_FILE_HOURS (its one-hour link is long dead by then; staff simply export again) and marks the
// export's audit record with `fileRemovedAt`. A file already gone counts as removed; any other failure
// leaves the record unmarked, so the next run tries again.
//
// Reachable only through the link given to the exporter: an export is stored under a path with 128
// random bits (exportCloudPath), its temporary link lives an hour, and no function hands out its fileID
// to anyone else — a work can reference only its author's upload tickets (selection/uploads.ts), so an
// export's fileID cannot be submitted as a photo to be served through a work's cover.
import { randomBytes } from 'node:crypto'
import { toChinaIsoMs } from '../core/china-time'
import { cloud } from '../core/cloud'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import type { AuditDoc } from '../shared/clinic-audit'

export const EXPORT_FILE_HOURS = 24

/** Where an export is stored: an unguessable folder (128 random bits) holding the file under the name people save (exportFileName), and its job's parts. */
export function exportFolder(): string {
  return `exports/${randomBytes(16).toString('hex')}`
}
/** cloud.deleteFile takes at most 50 files per call. */
const BATCH = 50
const MAX_BATCHES = 20

type Pending = Pick<AuditDoc, '_id' | 'fileID'>

async function pendingExports(ctx: Ctx, before: string, limit: number): Promise<Pending[]> {
  const _ = ctx.db.command
  return getDocs<Pending>(
    ctx.db.collection(COLLECTIONS.clinicAudit)
      .where({ action: 'export', fileID: _.exists(true), fileRemovedAt: _.exists(false), at: _.lt(before) })
      .field({ _id: true, fileID: true }).orderBy('at', 'asc').limit(limit),
  )
}

async function deleteBatch(fileIDs: string[]): Promise<Set<string>> {
  const res = (await cloud.deleteFile({ fileList: fileIDs })) as { fileList?: Array<{ fileID: string; status: number; errMsg?: string }> }
  const gone = (item: { status: number; errMsg?: string }) => item.status === 0 || /NONEXIST|not exist/i.test(item.errMsg ?? '')
  return new Set((res.fileList ?? []).filter(gone).map((item) => item.fileID))
}

/** How many old export files there are (dry run) or were removed now. */
export async function removeOldExports(ctx: Ctx, dryRun: boolean): Promise<number> {
  const before = toChinaIsoMs(new Date(ctx.now().getTime() - EXPORT_FILE_HOURS * 3600 * 1000))
  if (dryRun) return (await pendingExports(ctx, before, BATCH * MAX_BATCHES)).length
  const _ = ctx.db.command
  let removed = 0
  for (let round = 0; round < MAX_BATCHES; round++) {
    const batch = await pendingExports(ctx, before, BATCH)
    const ids = batch.flatMap((doc) => (doc.fileID ? [doc.fileID] : []))
    if (ids.length === 0) break
    const gone = await deleteBatch(ids)
    const done = batch.filter((doc) => doc.fileID && gone.has(doc.fileID)).map((doc) => doc._id)
    if (done.length > 0) {
      await ctx.db.collection(COLLECTIONS.clinicAudit).where({ _id: _.in(done) }).update({ data: { fileRemovedAt: toChinaIsoMs(ctx.now()) } })
    }
    removed += done.length
    if (done.length < batch.length || batch.length < BATCH) break
  }
  return removed
}
