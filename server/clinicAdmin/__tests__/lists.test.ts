// Sign-up lists and reveal, through the real SDK: masked by default (张*三, 138****1234) for staff and
// organisers alike; staff search by phone tail or 报名号 only (a name fragment would confirm a guessed
// name), organisers by name too; residents' notes shown to organisers only (staff see that there is
// one); status filter; one database request per page (the role and venue check ride in the same
// aggregate); venue boundaries; reveal only for organisers, never without a reason, and every reveal
// (note included) audit-logged.
import type { InputOf } from '../../../src/contract/api'
import { maskName, maskPhone } from '../../shared/clinic-identity'
import { ORGANISER, STAFF_BANAN, STAFF_YONGCHUAN, nameOf, signUpInput } from '../../clinic/__tests__/clinic-harness'
import { present } from '../../__tests__/narrow'
import { startAdmin, type AdminTest } from './admin-harness'

let t: AdminTest
let banan = ''
let yongchuan = ''
let crowded = ''

beforeAll(async () => {
  t = await startAdmin()
  banan = await t.makeSlot({ quota: 3 })
  yongchuan = await t.makeSlot({ venueId: 'yongchuan', place: '永川区妇幼保健院新院区' })
  crowded = await t.makeSlot({ title: '大场次', quota: 500 })
  for (let i = 1; i <= 5; i++) await t.call(`resident-${i}`, 'signUp', signUpInput(banan, i, { joinWaitlist: true, ...(i === 2 ? { note: '对青霉素过敏' } : {}) }))
  await t.call('resident-9', 'signUp', signUpInput(yongchuan, 9))
  await t.bulkSignups(crowded, 120)
})
afterAll(() => t.close())

test('masks: 张*三 style names and 138****1234 phones', () => {
  expect([maskName('张三'), maskName('张三丰'), maskName('欧阳娜娜'), maskName('李')]).toEqual(['张*', '张*丰', '欧**娜', '*'])
  expect(maskPhone('13812341234')).toBe('138****1234')
})

test('lists are masked by default, for staff and organisers alike', async () => {
  for (const who of [STAFF_BANAN, ORGANISER]) {
    const res = await t.admin(who, 'signupList', { slotId: banan })
    expect(res.data.items).toHaveLength(5)
    const text = JSON.stringify(res.data)
    for (let i = 1; i <= 5; i++) {
      expect(text).toContain(`"maskedName":"${maskName(nameOf(i))}"`)
      expect(text).not.toContain(nameOf(i))
    }
    expect(text).not.toMatch(/1\d{10}/)
    for (const item of res.data.items) {
      expect(item.maskedPhone).toMatch(/^139\*{4}\d{4}$/)
      expect(item.history[0]).toMatchObject({ event: expect.stringMatching(/signed_up|waitlisted/) })
    }
  }
})

test('staff search by phone tail or 报名号, and filter by status', async () => {
  const list = (input: Omit<InputOf<'clinicAdmin', 'signupList'>, 'slotId'>) => t.admin(STAFF_BANAN, 'signupList', { slotId: banan, ...input }).then((r) => r.data.items)
  expect(await list({ status: 'waitlisted' })).toHaveLength(2)
  expect(await list({ status: 'confirmed' })).toHaveLength(3)
  expect((await list({ search: '0003' })).map((e) => e.maskedPhone)).toEqual(['139****0003'])
  expect(await list({ search: '0004', status: 'confirmed' })).toHaveLength(0)
  const all = await list({})
  const third = present(all.find((e) => e.maskedPhone === '139****0003'), 'the entry of 139****0003')
  expect(third.number).toMatch(/^[0-9A-F]{8}$/)
  expect(third.signupId.endsWith(third.number.toLowerCase() + third.signupId.slice(-8))).toBe(true)
  expect((await list({ search: third.number })).map((e) => e.signupId)).toEqual([third.signupId])
  expect((await list({ search: third.number.toLowerCase() })).map((e) => e.signupId)).toEqual([third.signupId])
  expect((await list({ search: third.signupId.slice(-16) })).map((e) => e.signupId)).toEqual([third.signupId])
  expect(await list({ search: `${third.number.slice(0, 7)}${third.number.at(7) === 'F' ? 'E' : 'F'}` })).toHaveLength(0)
})

test('a name fragment confirms nothing to staff; organisers may search by name', async () => {
  for (const search of [nameOf(4).slice(1), nameOf(4), '王', '.*']) {
    const refused = await t.admin(STAFF_BANAN, 'signupList', { slotId: banan, search })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('手机号后 4 位或报名号'), issues: [{ path: 'search' }] })
    expect(refused).not.toHaveProperty('data')
  }
  expect(await t.admin('resident-1', 'signupList', { slotId: banan, search: '王' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const byName = (search: string) => t.admin(ORGANISER, 'signupList', { slotId: banan, search }).then((r) => r.data.items)
  expect(await byName(nameOf(4).slice(1))).toHaveLength(1)
  expect(await byName('王')).toHaveLength(5)
  expect(await byName('.*')).toHaveLength(0)
})

test('residents\' notes: organisers see them, staff only that there is one', async () => {
  const staffView = (await t.admin(STAFF_BANAN, 'signupList', { slotId: banan })).data
  expect(JSON.stringify(staffView)).not.toContain('青霉素')
  const noted = staffView.items.find((e) => e.maskedPhone === '139****0002')
  expect(noted).toMatchObject({ hasNote: true })
  expect(noted).not.toHaveProperty('note')
  expect(staffView.items.filter((e) => e.hasNote)).toHaveLength(1)
  const organiserView = (await t.admin(ORGANISER, 'signupList', { slotId: banan })).data
  expect(organiserView.items.find((e) => e.maskedPhone === '139****0002')).toMatchObject({ note: '对青霉素过敏' })
  expect(organiserView.items.some((e) => e.hasNote)).toBe(false)
})

test('one database request per list page, pages in sign-up order', async () => {
  const first = await t.dbRequests(() => t.admin(STAFF_BANAN, 'signupList', { slotId: crowded }))
  expect(first.requests).toBe(1)
  expect(first.result.data).toMatchObject({ page: 1, hasMore: true })
  expect(first.result.data.items).toHaveLength(50)
  const third = await t.dbRequests(() => t.admin(ORGANISER, 'signupList', { slotId: crowded, page: 3 }))
  expect(third.requests).toBe(1)
  expect(third.result.data).toMatchObject({ page: 3, hasMore: false })
  expect(third.result.data.items).toHaveLength(20)
  const created = [...first.result.data.items, ...third.result.data.items].map((e) => e.createdAt)
  expect(created).toEqual([...created].sort())
  expect((await t.dbRequests(() => t.admin(STAFF_BANAN, 'signupList', { slotId: crowded, search: '0101', status: 'waitlisted' }))).requests).toBe(1)
})

test('staff cannot list another venue; residents and unknown slots are refused with a reason', async () => {
  expect(await t.admin(STAFF_BANAN, 'signupList', { slotId: yongchuan })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await t.admin(STAFF_YONGCHUAN, 'signupList', { slotId: yongchuan })).data.items).toHaveLength(1)
  expect((await t.admin(ORGANISER, 'signupList', { slotId: yongchuan })).data.items).toHaveLength(1)
  for (const who of ['resident-1', 'demo-expert-1', '']) {
    expect(await t.admin(who, 'signupList', { slotId: banan })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
  expect(await t.admin(STAFF_BANAN, 'signupList', { slotId: 'no-such-slot' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  const empty = await t.admin(STAFF_BANAN, 'signupList', { slotId: banan, search: '9999' })
  expect(empty).toEqual({ ok: true, data: { items: [], page: 1, hasMore: false } })
})

test('revealing a full entry: organisers only, with a reason, and audit-logged', async () => {
  const id = present((await t.admin(ORGANISER, 'signupList', { slotId: banan, search: '0002' })).data.items[0]).signupId
  const before = (await t.audits()).length
  for (const who of [STAFF_BANAN, STAFF_YONGCHUAN, 'resident-2']) {
    const denied = await t.admin(who, 'revealSignup', { signupId: id, reason: '电话通知改期' })
    expect(denied).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('组委会') })
  }
  expect(await t.admin(ORGANISER, 'revealSignup', { signupId: id, reason: ' ' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await t.audits()).toHaveLength(before)
  const revealed = await t.admin(ORGANISER, 'revealSignup', { signupId: id, reason: '电话通知改期' }, '2022-06-25T15:30:00+08:00')
  expect(revealed.data).toEqual({ signupId: id, name: nameOf(2), phone: '13900000002', note: '对青霉素过敏' })
  const log = await t.audits()
  expect(log).toHaveLength(before + 1)
  expect(log.at(-1)).toMatchObject({
    action: 'reveal', target: id, reason: '电话通知改期', rows: 1, detail: banan,
    actor: { openid: ORGANISER, name: '组委会 赵老师' }, at: '2022-06-25T15:30:00.000+08:00',
  })
})

test('the days with slots, each with its number of slots: staff their own venue, organisers every venue or one; one request after the staff check', async () => {
  await t.makeSlot({ title: '次日场', date: '2022-06-27', signupClosesAt: '2022-06-27 08:00', cancelCutoffAt: '2022-06-26 20:00' })
  const june = (days: Array<{ date: string; slots: number }>) => days.filter((d) => d.date.startsWith('2022-06'))
  const staff = await t.admin(STAFF_BANAN, 'slotDays', {})
  expect(staff.data.today).toBe('2022-06-25')
  expect(june(staff.data.days)).toEqual([{ date: '2022-06-26', slots: 2 }, { date: '2022-06-27', slots: 1 }])
  expect(june((await t.admin(STAFF_BANAN, 'slotDays', { venueId: 'banan' })).data.days)).toEqual(june(staff.data.days))
  expect(june((await t.admin(ORGANISER, 'slotDays', {})).data.days)).toEqual([{ date: '2022-06-26', slots: 3 }, { date: '2022-06-27', slots: 1 }])
  expect(june((await t.admin(ORGANISER, 'slotDays', { venueId: 'yongchuan' })).data.days)).toEqual([{ date: '2022-06-26', slots: 1 }])
  expect(await t.admin(STAFF_BANAN, 'slotDays', { venueId: 'yongchuan' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  for (const who of ['resident-1', '']) expect(await t.admin(who, 'slotDays', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const { requests } = await t.dbRequests(() => t.admin(STAFF_BANAN, 'slotDays', {}))
  expect(requests).toBe(2)
})
