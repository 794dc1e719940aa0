// The export's spreadsheet: one sheet, Chinese headers, one row per sign-up, ordered by slot (date and
// start time) and then by when the person signed up. Masked rows show 张*三 / 138****1234; rows whose
// personal data was already deleted show （已删除）.
import ExcelJS from 'exceljs'
import { CLINIC_CATEGORY_LABELS, SIGNUP_STATUS_LABELS } from '../../src/contract/clinic'
import { maskName, maskPhone } from '../shared/clinic-identity'
import type { SignupDoc, SlotDoc } from '../shared/clinic-records'

export type SlotInfo = Pick<SlotDoc, '_id' | 'title' | 'date' | 'startTime' | 'endTime'>

export const HEADERS = ['场次', '日期', '时间', '姓名', '手机号', '人群', '服务', '状态', '签到时间', '备注']
const WIDTHS = [18, 12, 13, 10, 14, 8, 30, 10, 17, 20]
const GONE = '（已删除）'

const slotOrder = (slot: SlotInfo | undefined) => (slot ? `${slot.date} ${slot.startTime} ${slot._id}` : '~')

function orderRows(rows: SignupDoc[], slots: Map<string, SlotInfo>): SignupDoc[] {
  const key = new Map(rows.map((doc) => [doc._id, `${slotOrder(slots.get(doc.slotId))}|${doc.createdAt}|${doc._id}`]))
  return [...rows].sort((a, b) => ((key.get(a._id) ?? '') < (key.get(b._id) ?? '') ? -1 : 1))
}

function cells(doc: SignupDoc, slot: SlotInfo | undefined, masked: boolean): string[] {
  const { name, phone } = doc.person
  return [
    slot?.title ?? doc.slotId, slot?.date ?? '', slot ? `${slot.startTime}–${slot.endTime}` : '',
    !name ? GONE : masked ? maskName(name) : name,
    !phone ? GONE : masked ? maskPhone(phone) : phone,
    CLINIC_CATEGORY_LABELS[doc.person.category], doc.services.join('、'), SIGNUP_STATUS_LABELS[doc.status],
    doc.checkedInAt ? doc.checkedInAt.slice(0, 16).replace('T', ' ') : '', doc.note ?? '',
  ]
}

export async function buildWorkbook(rows: SignupDoc[], slots: Map<string, SlotInfo>, masked: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('义诊报名名单', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(HEADERS).font = { bold: true }
  for (const doc of orderRows(rows, slots)) sheet.addRow(cells(doc, slots.get(doc.slotId), masked))
  sheet.columns.forEach((column, i) => { column.width = WIDTHS[i] ?? 12 })
  return Buffer.from(await book.xlsx.writeBuffer())
}
