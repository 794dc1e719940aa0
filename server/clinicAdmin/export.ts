// Exports a slot's or a venue's sign-ups to an .xlsx (exceljs) in cloud storage and answers with a
// one-hour link. Rows are read 1000 at a time (CloudBase's server-side maximum), one request each.
// Staff get masked names and phones; organisers get full entries. Every export is audit-logged.
import ExcelJS from 'exceljs'
import { randomBytes } from 'node:crypto'
import { CLINIC_CATEGORY_LABELS, SIGNUP_STATUS_LABELS } from '../../src/contract/clinic'
import type { ExportFile } from '../../src/contract/clinic-admin'
import type { Api } from '../../src/contract/api'
import { fail, ok, type Result } from '../../src/contract/result'
import { allowVenue, requireStaff } from '../core/auth'
import { chinaDate } from '../core/china-time'
import { cloud } from '../core/cloud'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst } from '../core/db'
import { maskName, maskPhone } from '../clinic/identity'
import type { SignupDoc, SlotDoc } from '../clinic/types'
import { audit } from './audit'

export const EXPORT_BATCH = 1000
const HEADERS = ['场次', '日期', '时间', '姓名', '手机号', '人群', '服务', '状态', '签到时间', '备注']

async function readAll(ctx: Ctx, where: Record<string, unknown>): Promise<SignupDoc[]> {
  const out: SignupDoc[] = []
  for (let skip = 0; ; skip += EXPORT_BATCH) {
    const batch = await getDocs<SignupDoc>(
      ctx.db.collection(COLLECTIONS.clinicSignups).where(where).orderBy('_id', 'asc').skip(skip).limit(EXPORT_BATCH),
    )
    out.push(...batch)
    if (batch.length < EXPORT_BATCH) return out
  }
}

export async function buildWorkbook(rows: SignupDoc[], slots: Map<string, SlotDoc>, masked: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('义诊报名名单')
  sheet.addRow(HEADERS).font = { bold: true }
  for (const doc of rows) {
    const slot = slots.get(doc.slotId)
    const name = masked ? maskName(doc.person.name) : doc.person.name
    const phone = masked ? maskPhone(doc.person.phone) : doc.person.phone
    sheet.addRow([
      slot?.title ?? doc.slotId, slot?.date ?? '', slot ? `${slot.startTime}–${slot.endTime}` : '', name, phone,
      CLINIC_CATEGORY_LABELS[doc.person.category], doc.services.join('、'), SIGNUP_STATUS_LABELS[doc.status],
      doc.checkedInAt ? doc.checkedInAt.slice(0, 16).replace('T', ' ') : '', doc.note ?? '',
    ])
  }
  sheet.columns.forEach((column, i) => { column.width = [18, 12, 13, 10, 14, 8, 30, 10, 17, 20][i] ?? 12 })
  return Buffer.from(await book.xlsx.writeBuffer())
}

export async function exportSignups(input: Api['clinicAdmin']['exportSignups']['parsed'], ctx: Ctx): Promise<Result<ExportFile>> {
  const auth = await requireStaff(ctx)
  if (!auth.ok) return auth
  let venueId = input.venueId
  if (input.slotId) {
    const slot = await getFirst<SlotDoc>(ctx.db.collection(COLLECTIONS.clinicSlots).where({ _id: input.slotId }).field({ h: false }).limit(1))
    if (!slot) return fail('NOT_FOUND', '没有找到这个场次，请刷新后重试')
    venueId = slot.venueId
  }
  const allowed = allowVenue(auth.member, venueId ?? '')
  if (!allowed.ok) return allowed
  const slots = await getDocs<SlotDoc>(ctx.db.collection(COLLECTIONS.clinicSlots).where({ venueId }).field({ h: false }).limit(1000))
  const rows = await readAll(ctx, input.slotId ? { slotId: input.slotId, venueId } : { venueId })
  const masked = auth.member.role !== 'organiser'
  const content = await buildWorkbook(rows, new Map(slots.map((s) => [s._id, s])), masked)
  const cloudPath = `exports/${chinaDate(ctx.now())}/${input.slotId ?? venueId}-${randomBytes(8).toString('hex')}.xlsx`
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content })
  const temp = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] })
  const url = (temp as { fileList: Array<{ tempFileURL: string }> }).fileList[0]?.tempFileURL ?? ''
  await audit(ctx, auth.member, { action: 'export', target: input.slotId ?? `venue:${venueId}`, rows: rows.length, detail: masked ? 'masked' : 'full' })
  return ok({ fileID, url, rows: rows.length, masked })
}
