// The export's spreadsheet: one sheet, Chinese headers, one row per sign-up, ordered by slot (date and
// start time) and then by when the person signed up; 报名号, 为谁报名 and a child's 出生年月 beside the name,
// 签到时间 once checked in. Masked rows show 张*三 / 138****1234; rows whose
// personal data was already deleted show （已删除）.
import ExcelJS from 'exceljs'
import { CLINIC_CATEGORY_LABELS, PERSON_RELATION_LABELS, SIGNUP_STATUS_LABELS } from '../../src/contract/clinic'
import { signupNumber } from '../../src/contract/clinic-admin'
import { maskName, maskPhone } from '../shared/clinic-identity'
import type { SignupDoc, SlotDoc } from '../shared/clinic-records'

export type SlotInfo = Pick<SlotDoc, '_id' | 'title' | 'date' | 'startTime' | 'endTime'>

const unsafe = /[\\/:*?"<>|#%\s\u0000-\u001f]+/g

/** The file people save: 巴南分会场-孕产保健咨询专场-2026-12-06-报名名单.xlsx (a slot) or 巴南分会场-全部场次-报名名单.xlsx. */
export function exportFileName(venueName: string, slot?: Pick<SlotInfo, 'title' | 'date'>): string {
  const parts = slot ? [venueName, slot.title, slot.date] : [venueName, '全部场次']
  return `${parts.map((p) => p.replace(unsafe, '')).filter(Boolean).join('-')}-报名名单.xlsx`
}

export const HEADERS = ['场次', '日期', '时间', '报名号', '姓名', '为谁报名', '手机号', '人群', '出生年月', '服务', '状态', '签到时间', '备注']
const WIDTHS = [18, 12, 13, 10, 10, 9, 14, 8, 10, 30, 10, 17, 20]
const GONE = '（已删除）'

const slotOrder = (slot: SlotInfo | undefined) => (slot ? `${slot.date} ${slot.startTime} ${slot._id}` : '~')

function orderRows(rows: SignupDoc[], slots: Map<string, SlotInfo>): SignupDoc[] {
  const key = new Map(rows.map((doc) => [doc._id, `${slotOrder(slots.get(doc.slotId))}|${doc.createdAt}|${doc._id}`]))
  return [...rows].sort((a, b) => ((key.get(a._id) ?? '') < (key.get(b._id) ?? '') ? -1 : 1))
}

function cells(doc: SignupDoc, slot: SlotInfo | undefined, masked: boolean): string[] {
  const { name, phone } = doc.person
  return [
    slot?.title ?? doc.slotId, slot?.date ?? '', slot ? `${slot.startTime}–${slot.endTime}` : '', signupNumber(doc._id),
    !name ? GONE : masked ? maskName(name) : name,
    PERSON_RELATION_LABELS[doc.person.relation] ?? '',
    !phone ? GONE : masked ? maskPhone(phone) : phone,
    CLINIC_CATEGORY_LABELS[doc.person.category], doc.person.birthMonth ?? '', doc.services.join('、'), SIGNUP_STATUS_LABELS[doc.status],
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
