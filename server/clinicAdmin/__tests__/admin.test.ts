// Staff tools over clinic sign-ups, through the real SDK: masked lists with search and status filter
// in one query per page; reveal only for organisers, audit-logged; venue boundaries; attendance equal
// to the records; an .xlsx export that opens with its rows; the purge keeps figures, drops people.
import ExcelJS from 'exceljs'
import type { Dispatch } from '../../core/router'
import { ORGANISER, STAFF_BANAN, STAFF_YONGCHUAN, signUpInput, startClinic, type ClinicTest } from '../../clinic/__tests__/clinic-harness'

let t: ClinicTest
let admin: (openid: string, action: string, input: unknown, now?: string) => Promise<any>
let banan = ''
let yongchuan = ''

beforeAll(async () => {
  t = await startClinic()
  const { createDispatcher } = await import('../../core/router')
  const { clinicAdminHandlers } = await import('../handlers')
  const dispatch: Dispatch = createDispatcher('clinicAdmin', clinicAdminHandlers)
  admin = (openid, action, input, now = '2022-06-25T10:00:00+08:00') => dispatch({ action, input }, t.h.ctx(openid, now)) as Promise<any>
  banan = await t.makeSlot({ quota: 3 })
  yongchuan = await t.makeSlot({ venueId: 'yongchuan', place: '永川区妇幼保健院新院区' })
  for (let i = 1; i <= 5; i++) await t.call(`resident-${i}`, 'signUp', signUpInput(banan, i, { joinWaitlist: true }))
  await t.call('resident-9', 'signUp', signUpInput(yongchuan, 9))
})
afterAll(() => t.close())

const audits = async () => ((await t.h.db.collection('clinicAudit').limit(100).get()) as { data: any[] }).data

test('lists are masked, searchable and filterable, one database request per page after the role check', async () => {
  t.h.resetStats()
  const all = await admin(STAFF_BANAN, 'signupList', { slotId: banan })
  expect(t.h.stats().total).toBe(2)
  expect(all.data.items).toHaveLength(5)
  for (const { signupId: _id, ...item } of all.data.items) {
    expect(item.maskedPhone).toMatch(/^1\d\d\*{4}\d{4}$/)
    expect(item.maskedName).toContain('*')
    expect(JSON.stringify(item)).not.toMatch(/1\d{10}/)
  }
  expect((await admin(STAFF_BANAN, 'signupList', { slotId: banan, status: 'waitlisted' })).data.items).toHaveLength(2)
  const tail = all.data.items[0].maskedPhone.slice(-4)
  expect((await admin(STAFF_BANAN, 'signupList', { slotId: banan, search: tail })).data.items).toHaveLength(1)
})

test('staff see nothing of another venue; residents are refused', async () => {
  expect((await admin(STAFF_BANAN, 'signupList', { slotId: yongchuan })).data.items).toHaveLength(0)
  expect((await admin(STAFF_YONGCHUAN, 'signupList', { slotId: yongchuan })).data.items).toHaveLength(1)
  expect(await admin(STAFF_BANAN, 'exportSignups', { slotId: yongchuan })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await admin(STAFF_BANAN, 'attendance', { venueId: 'yongchuan' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await admin('resident-1', 'signupList', { slotId: banan })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('revealing a full entry: organisers only, with a reason, and audit-logged', async () => {
  const id = (await admin(ORGANISER, 'signupList', { slotId: banan })).data.items[0].signupId
  const denied = await admin(STAFF_BANAN, 'revealSignup', { signupId: id, reason: '电话通知改期' })
  expect(denied).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await admin(ORGANISER, 'revealSignup', { signupId: id, reason: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  const before = (await audits()).length
  const revealed = await admin(ORGANISER, 'revealSignup', { signupId: id, reason: '电话通知改期' })
  expect(revealed.data.phone).toMatch(/^1\d{10}$/)
  const log = await audits()
  expect(log).toHaveLength(before + 1)
  expect(log.at(-1)).toMatchObject({ action: 'reveal', target: id, reason: '电话通知改期', actor: { openid: ORGANISER } })
})

test('attendance equals the records, with no-shows once the slot is over', async () => {
  const during = await admin(ORGANISER, 'attendance', { venueId: 'banan' })
  expect(during.data.slots.find((s: any) => s.slotId === banan)).toMatchObject({ quota: 3, confirmed: 3, waitlisted: 2, checkedIn: 0, noShow: 0 })
  const after = await admin(STAFF_BANAN, 'attendance', {}, '2022-06-27T10:00:00+08:00')
  expect([...new Set(after.data.slots.map((s: any) => s.venueId))]).toEqual(['banan'])
  expect(after.data.venues[0]).toMatchObject({ venueId: 'banan', noShow: 3, confirmed: 3 })
})

test('export: an .xlsx with Chinese headers and every row, masked for staff, full for organisers, audited', async () => {
  for (const [who, masked] of [[STAFF_BANAN, true], [ORGANISER, false]] as const) {
    const res = await admin(who, 'exportSignups', { slotId: banan })
    expect(res.data).toMatchObject({ rows: 5, masked })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await (await fetch(res.data.url)).arrayBuffer()) as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]!
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['场次', '姓名', '手机号', '状态', '签到时间']))
    expect(sheet.rowCount).toBe(6)
    expect(String(sheet.getRow(2).getCell(5).value)).toMatch(masked ? /\*{4}/ : /^1\d{10}$/)
  }
  expect((await audits()).filter((a) => a.action === 'export').map((a) => a.detail)).toEqual(['masked', 'full'])
})

test('purge: nothing before the retention cut-off; after it, people are gone and figures stay; idempotent', async () => {
  const early = await admin(ORGANISER, 'purgePersonalData', {}, '2022-12-31T10:00:00+08:00')
  expect(early.data).toMatchObject({ festivals: [], anonymised: 0 })
  const late = '2023-03-01T10:00:00+08:00'
  const dry = await admin(ORGANISER, 'purgePersonalData', { dryRun: true }, late)
  expect(dry.data).toMatchObject({ festivals: ['cq-2022'], anonymised: 6, dryRun: true })
  expect(await admin(STAFF_BANAN, 'purgePersonalData', {}, late)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const before = await admin(ORGANISER, 'attendance', { venueId: 'banan' }, late)
  expect((await admin(ORGANISER, 'purgePersonalData', {}, late)).data.anonymised).toBe(6)
  const docs = await t.signups(banan)
  for (const doc of docs) expect(doc).toMatchObject({ person: { name: '', phone: '' }, phoneTail: '' })
  expect(docs.every((d: any) => d.checkInToken === undefined && d.history.length > 0)).toBe(true)
  expect((await admin(ORGANISER, 'attendance', { venueId: 'banan' }, late)).data).toEqual(before.data)
  expect((await admin(ORGANISER, 'purgePersonalData', {}, late)).data.anonymised).toBe(0)
  const list = await admin(ORGANISER, 'signupList', { slotId: banan })
  expect(list.data.items[0]).toMatchObject({ maskedName: '（已删除）', anonymised: true })
})
