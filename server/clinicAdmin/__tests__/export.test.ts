// Excel exports through the real SDK and storage: the .xlsx is fetched back from its temporary link and
// opened with exceljs — Chinese headers, one row per sign-up in sign-up order, masked for staff, full
// for organisers; a venue export covers that venue's slots only; other venues and residents are
// refused; each export is audit-logged; at most one database request per 100 exported rows.
import ExcelJS from 'exceljs'
import { ORGANISER, STAFF_BANAN, STAFF_YONGCHUAN, nameOf, signUpInput } from '../../clinic/__tests__/clinic-harness'
import { HEADERS } from '../workbook'
import { present } from '../../__tests__/narrow'
import { fileOf, startAdmin, type AdminTest } from './admin-harness'

let t: AdminTest
let banan = ''
let second = ''
let yongchuan = ''

beforeAll(async () => {
  t = await startAdmin()
  banan = await t.makeSlot({ quota: 3, title: '巴南上午场' })
  second = await t.makeSlot({ title: '巴南下午场', startTime: '14:00', endTime: '16:00' })
  yongchuan = await t.makeSlot({ venueId: 'yongchuan', place: '永川区妇幼保健院新院区' })
  for (let i = 1; i <= 5; i++) {
    await t.call(`resident-${i}`, 'signUp', signUpInput(banan, i, i === 1 ? { note: '需要轮椅' } : {}), `2022-06-25T09:0${i}:00+08:00`)
  }
  await t.call('resident-6', 'signUp', signUpInput(second, 6))
  await t.call('resident-9', 'signUp', signUpInput(yongchuan, 9))
})
afterAll(() => t.close())

async function sheetOf(url: string): Promise<ExcelJS.Worksheet> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await res.arrayBuffer())
  return present(book.worksheets[0], 'the first worksheet')
}
const rowsOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))

test('a slot exported by staff: masked rows under Chinese headers, audit-logged', async () => {
  const res = await t.admin(STAFF_BANAN, 'exportSignups', { slotId: banan })
  expect(res.data).toMatchObject({ state: 'done', done: 5, total: 5, masked: true, file: { rows: 5, masked: true, fileID: expect.stringMatching(/^cloud:\/\/[^/]+\/exports\/[0-9a-f]{32}\/[^/]+\.xlsx$/) } })
  const [head, ...rows] = rowsOf(await sheetOf(fileOf(res).url))
  expect(head).toEqual(HEADERS)
  expect(HEADERS).toEqual(['场次', '日期', '时间', '报名号', '姓名', '为谁报名', '手机号', '人群', '出生年月', '服务', '状态', '签到时间', '备注'])
  expect(rows).toHaveLength(5)
  expect(rows[0]).toEqual(['巴南上午场', '2022-06-26', '09:00–11:30', expect.stringMatching(/^[0-9A-F]{8}$/), `王*安`, '本人', '139****0001', '妇女', '', '两癌筛查', '报名成功', '', '需要轮椅'])
  expect(rows.map((r) => r[10])).toEqual(['报名成功', '报名成功', '报名成功', '候补中', '候补中'])
  expect(res.data.fileName).toBe('巴南分会场-巴南上午场-2022-06-26-报名名单.xlsx')
  expect(fileOf(res).fileID).toMatch(/\/巴南分会场-巴南上午场-2022-06-26-报名名单\.xlsx$/)
  expect(JSON.stringify(rows)).not.toMatch(/1\d{10}|王[^*]安/)
  expect((await t.audits()).at(-1)).toMatchObject({
    action: 'export', target: banan, rows: 5, detail: 'masked', fileID: fileOf(res).fileID,
    actor: { openid: STAFF_BANAN, name: '陈护士（巴南分会场）' }, at: '2022-06-25T10:00:00.000+08:00',
  })
})

test('an organiser exports full entries, and a whole venue', async () => {
  const slot = await t.admin(ORGANISER, 'exportSignups', { slotId: banan })
  expect(slot.data).toMatchObject({ state: 'done', masked: false, file: { rows: 5, masked: false } })
  const rows = rowsOf(await sheetOf(fileOf(slot).url)).slice(1)
  expect(rows.map((r) => [r[4], r[6]])).toEqual([1, 2, 3, 4, 5].map((i) => [nameOf(i), `1390000000${i}`]))
  const venue = await t.admin(ORGANISER, 'exportSignups', { venueId: 'banan' })
  const venueRows = rowsOf(await sheetOf(fileOf(venue).url)).slice(1)
  expect(fileOf(venue).rows).toBe(6)
  expect(venue.data.fileName).toBe('巴南分会场-全部场次-报名名单.xlsx')
  expect(venueRows.map((r) => r[0])).toEqual([...Array(5).fill('巴南上午场'), '巴南下午场'])
  expect((await t.audits()).slice(-2)).toEqual([
    expect.objectContaining({ action: 'export', target: banan, rows: 5, detail: 'full', actor: { openid: ORGANISER, name: '组委会 赵老师' } }),
    expect.objectContaining({ action: 'export', target: 'venue:banan', rows: 6, detail: 'full' }),
  ])
})

test('a child’s row says 为谁报名 孩子 with the birth month; a checked-in row its 签到时间', async () => {
  const slotId = await t.makeSlot({ title: '儿童保健 专场', audience: ['child', 'woman'] })
  await t.call('resident-7', 'signUp', signUpInput(slotId, 7, { person: { relation: 'child', name: '李小宝', phone: '13900000007', category: 'child', birthMonth: '2021-05' } }))
  await t.call('resident-8', 'signUp', signUpInput(slotId, 8))
  const code = present((await t.call('resident-8', 'mySignups', {})).data.find((s) => s.slotId === slotId)?.checkInCode, 'check-in code')
  expect((await t.call(STAFF_BANAN, 'checkIn', { code }, '2022-06-26T09:12:00+08:00')).ok).toBe(true)
  const res = await t.admin(STAFF_BANAN, 'exportSignups', { slotId })
  expect(res.data.fileName).toBe('巴南分会场-儿童保健专场-2022-06-26-报名名单.xlsx')
  const rows = rowsOf(await sheetOf(fileOf(res).url)).slice(1)
  expect(rows.map((r) => [r[5], r[7], r[8], r[11]])).toEqual([['孩子', '儿童', '2021-05', ''], ['本人', '妇女', '', '2022-06-26 09:12']])
})

test('staff cannot export another venue; residents cannot export; nothing is logged for a refusal', async () => {
  const before = (await t.audits()).length
  expect(await t.admin(STAFF_BANAN, 'exportSignups', { slotId: yongchuan })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await t.admin(STAFF_BANAN, 'exportSignups', { venueId: 'yongchuan' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await t.admin(STAFF_YONGCHUAN, 'exportSignups', { slotId: banan })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await t.admin('resident-1', 'exportSignups', { slotId: banan })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await t.admin(STAFF_BANAN, 'exportSignups', { slotId: 'no-such-slot' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await t.admin(STAFF_BANAN, 'exportSignups', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await t.audits()).toHaveLength(before)
})

test('at most one database request per 100 exported rows (2,500 rows: 12 requests)', async () => {
  const big = await t.makeSlot({ title: '大场次', quota: 3000 })
  await t.bulkSignups(big, 2500)
  const { requests, result: res } = await t.dbRequests(() => t.admin(ORGANISER, 'exportSignups', { slotId: big }))
  expect(fileOf(res).rows).toBe(2500)
  // role, slot, count, job record, lease, 3 pages, the part's progress, audit, done, parts removed
  expect(requests).toBe(12)
  expect(requests).toBeLessThanOrEqual(fileOf(res).rows / 100)
  const rows = rowsOf(await sheetOf(fileOf(res).url)).slice(1)
  expect(rows).toHaveLength(2500)
  expect(rows[0]?.[4]).toBe('赵批量0')
  expect(rows[2499]?.[4]).toBe('赵批量2499')
})
