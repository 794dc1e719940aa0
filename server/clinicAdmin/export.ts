// Exports a slot's or a venue's sign-ups to an .xlsx (exceljs, see workbook.ts) in cloud storage and
// answers with a one-hour link. Rows are read 1000 at a time (CloudBase's server-side maximum) by `_id`
// range rather than skip, one request per 1000 rows, so the whole export costs the role check, one slot
// read, ⌈(rows + 1) / 1000⌉ pages and the audit record. Staff get masked names and phones; organisers
// get full entries. Every export is audit-logged with its row count and fileID; the daily purge removes
// the file from storage a day later (export-files.ts), so full lists do not linger.
import type { ExportFile } from '../../src/contract/clinic-admin'
import type { Api } from '../../src/contract/api'
import { fail, ok, type Result } from '../../src/contract/result'
import { allowVenue, requireStaff } from '../core/auth'
import { cloud } from '../core/cloud'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import type { SignupDoc } from '../shared/clinic-records'
import { audit } from '../shared/clinic-audit'
import { exportCloudPath } from './export-files'
import { buildWorkbook, exportFileName, type SlotInfo } from './workbook'

export const EXPORT_BATCH = 1000
export const EXPORT_LINK_SECONDS = 3600
const SLOT_FIELDS = { _id: true, venueId: true, venueName: true, title: true, date: true, startTime: true, endTime: true }

async function readAll(ctx: Ctx, where: Record<string, unknown>): Promise<SignupDoc[]> {
  const _ = ctx.db.command
  const out: SignupDoc[] = []
  for (let after = ''; ;) {
    const batch = await getDocs<SignupDoc>(
      ctx.db.collection(COLLECTIONS.clinicSignups).where({ ...where, _id: _.gt(after) })
        .field({ checkInToken: false, consent: false, history: false }).orderBy('_id', 'asc').limit(EXPORT_BATCH),
    )
    out.push(...batch)
    const last = batch[batch.length - 1]
    if (batch.length < EXPORT_BATCH || !last) return out
    after = last._id
  }
}

async function slotsOf(ctx: Ctx, input: Api['clinicAdmin']['exportSignups']['parsed']): Promise<Array<SlotInfo & { venueId: string; venueName: string }>> {
  const where = input.slotId ? { _id: input.slotId } : { venueId: input.venueId }
  return getDocs(ctx.db.collection(COLLECTIONS.clinicSlots).where(where).field(SLOT_FIELDS).limit(1000))
}

async function upload(name: string, content: Buffer): Promise<{ fileID: string; url: string }> {
  const cloudPath = exportCloudPath(name)
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content })
  const temp = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: EXPORT_LINK_SECONDS }] })) as { fileList?: Array<{ tempFileURL?: string }> }
  const url = temp.fileList?.[0]?.tempFileURL
  if (!url) throw new Error(`no temporary link for ${fileID}`)
  return { fileID, url }
}

export async function exportSignups(input: Api['clinicAdmin']['exportSignups']['parsed'], ctx: Ctx): Promise<Result<ExportFile>> {
  const auth = await requireStaff(ctx)
  if (!auth.ok) return auth
  const slots = await slotsOf(ctx, input)
  const venueId = input.venueId ?? slots[0]?.venueId
  if (!venueId) return fail('NOT_FOUND', '没有找到这个场次，请返回重新选择')
  const allowed = allowVenue(auth.member, venueId)
  if (!allowed.ok) return allowed
  const rows = await readAll(ctx, input.slotId ? { slotId: input.slotId, venueId } : { venueId })
  const masked = auth.member.role !== 'organiser'
  const content = await buildWorkbook(rows, new Map(slots.map((s) => [s._id, s])), masked)
  const target = input.slotId ?? `venue:${venueId}`
  const venueName = slots[0]?.venueName ?? venueId
  const fileName = exportFileName(venueName, input.slotId ? slots[0] : undefined)
  const { fileID, url } = await upload(fileName, content)
  await audit(ctx, auth.member, { action: 'export', target, rows: rows.length, detail: masked ? 'masked' : 'full', fileID })
  return ok({ fileID, url, fileName, rows: rows.length, masked })
}
