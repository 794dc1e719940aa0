// Exported lists do not linger in cloud storage: the daily purge deletes every export file older than
// EXPORT_FILE_HOURS (its one-hour link is long dead by then; staff simply export again) and marks the
// export's audit record with `fileRemovedAt`. A file already gone counts as removed; any other failure
// leaves the record unmarked, so the next day's run tries again. The purge job removes them a batch
// (cloud.deleteFile's 50) per chunk.
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
/** A dry run counts at most this many batches. */
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

/** When an export's file is due to go: EXPORT_FILE_HOURS before `now`. */
export function exportFilesBefore(now: Date): string {
  return toChinaIsoMs(new Date(now.getTime() - EXPORT_FILE_HOURS * 3600 * 1000))
}

/** How many export files older than `before` await removal (up to 1000: one purge's worth). */
export async function countOldExports(ctx: Ctx, before: string): Promise<number> {
  return (await pendingExports(ctx, before, BATCH * MAX_BATCHES)).length
}

/** Removes one batch (≤ 50) of export files older than `before`; `more` when another batch may be due. */
export async function removeExportBatch(ctx: Ctx, before: string): Promise<{ removed: number; more: boolean }> {
  const _ = ctx.db.command
  const batch = await pendingExports(ctx, before, BATCH)
  const ids = batch.flatMap((doc) => (doc.fileID ? [doc.fileID] : []))
  if (ids.length === 0) return { removed: 0, more: false }
  const gone = await deleteBatch(ids)
  const done = batch.filter((doc) => doc.fileID && gone.has(doc.fileID)).map((doc) => doc._id)
  if (done.length > 0) {
    await ctx.db.collection(COLLECTIONS.clinicAudit).where({ _id: _.in(done) }).update({ data: { fileRemovedAt: toChinaIsoMs(ctx.now()) } })
  }
  return { removed: done.length, more: done.length === batch.length && batch.length === BATCH }
}
