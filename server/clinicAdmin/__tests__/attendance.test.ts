// Attendance figures through the real SDK: per slot and per venue, equal to the sign-up records (once the
// figures timer has run) after sign-ups, a waitlist, a cancellation with promotion and a check-in;
// no-shows once the slot is over; more than 20 slots; staff see only their venue; three database
// requests whatever the number of slots and sign-ups.
import { ORGANISER, STAFF_BANAN, STAFF_YONGCHUAN, byStatus, signUpInput } from '../../clinic/__tests__/clinic-harness'
import { present } from '../../__tests__/narrow'
import { startAdmin, type AdminTest } from './admin-harness'

let t: AdminTest
let banan = ''
let yongchuan = ''
const bulk: string[] = []
const DAY_OF = '2022-06-26T09:10:00+08:00'
const AFTER = '2022-06-27T10:00:00+08:00'

beforeAll(async () => {
  t = await startAdmin()
  banan = await t.makeSlot({ quota: 3 })
  yongchuan = await t.makeSlot({ venueId: 'yongchuan', place: '永川区妇幼保健院新院区' })
  const ids: string[] = []
  for (let i = 1; i <= 5; i++) ids.push((await t.call(`resident-${i}`, 'signUp', signUpInput(banan, i))).data.signup._id)
  await t.call('resident-9', 'signUp', signUpInput(yongchuan, 9))
  expect(await t.call('resident-1', 'cancel', { signupId: present(ids[0]) })).toMatchObject({ ok: true })
  const code = present((await t.call('resident-2', 'mySignups', {})).data[0]?.checkInCode, 'check-in code')
  expect(await t.call(STAFF_BANAN, 'checkIn', { code }, DAY_OF)).toMatchObject({ ok: true, data: { outcome: 'checked_in' } })
  for (let k = 0; k < 6; k++) {
    const slotId = await t.makeSlot({ title: `批量场次${k}`, quota: 100 })
    bulk.push(slotId)
    await t.bulkSignups(slotId, 12)
  }
  expect(await t.figures(AFTER)).toMatchObject({ ok: true, data: { upTo: '2022-06-27T09:58:00+08:00', busy: false } })
})
afterAll(() => t.close())

function expected(docs: Array<{ status: string }>, quota: number, over: boolean) {
  const c = byStatus(docs)
  return {
    quota, confirmed: (c.confirmed ?? 0) + (c.checked_in ?? 0), waitlisted: c.waitlisted ?? 0, checkedIn: c.checked_in ?? 0,
    cancelled: c.cancelled ?? 0, noShow: over ? c.confirmed ?? 0 : 0,
  }
}

test('per-slot figures equal the records, during and after the slot', async () => {
  const docs = await t.signups(banan)
  expect(byStatus(docs)).toEqual({ cancelled: 1, checked_in: 1, confirmed: 2, waitlisted: 1 })
  const during = await t.admin(STAFF_BANAN, 'attendance', {}, DAY_OF)
  expect(during.data.slots.find((s) => s.slotId === banan)).toMatchObject(expected(docs, 3, false))
  const after = await t.admin(STAFF_BANAN, 'attendance', {}, AFTER)
  expect(after.data.slots.find((s) => s.slotId === banan)).toMatchObject({ ...expected(docs, 3, true), noShow: 2 })
})

test('every slot and venue adds up, past the 20-group default of aggregate', async () => {
  const { requests, result: res } = await t.dbRequests(() => t.admin(ORGANISER, 'attendance', {}, AFTER))
  expect(requests).toBe(3)
  expect(res.data.figuresAt).toBe('2022-06-27T09:58:00+08:00')
  const slotIds = [banan, yongchuan, ...bulk]
  for (const slotId of slotIds) {
    const slot = await t.slotDoc(slotId)
    expect(res.data.slots.find((s) => s.slotId === slotId)).toMatchObject(expected(await t.signups(slotId), slot.quota, true))
  }
  for (const venue of res.data.venues) {
    const rows = res.data.slots.filter((s) => s.venueId === venue.venueId)
    for (const key of ['quota', 'confirmed', 'waitlisted', 'checkedIn', 'cancelled', 'noShow'] as const) {
      expect(venue[key]).toBe(rows.reduce((n, r) => n + r[key], 0))
    }
  }
  const bananVenue = res.data.venues.find((v) => v.venueId === 'banan')
  expect(bananVenue).toMatchObject({ confirmed: 3 + 6 * 6, checkedIn: 1 + 6 * 3, waitlisted: 1 + 6 * 3, cancelled: 1 + 6 * 3 })
})

test('staff see only their venue; residents are refused', async () => {
  const own = await t.admin(STAFF_YONGCHUAN, 'attendance', {})
  expect(own.data.slots.map((s) => s.slotId)).toContain(yongchuan)
  expect(new Set(own.data.slots.map((s) => s.venueId))).toEqual(new Set(['yongchuan']))
  expect(own.data.venues).toEqual([expect.objectContaining({ venueId: 'yongchuan' })])
  expect(await t.admin(STAFF_BANAN, 'attendance', { venueId: 'yongchuan' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await t.admin('resident-1', 'attendance', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('the requests of a visit do not grow with the sign-ups', async () => {
  const before = await t.dbRequests(() => t.admin(ORGANISER, 'attendance', {}, AFTER))
  const crowded = await t.makeSlot({ title: '人很多的场次', quota: 5000 })
  await t.bulkSignups(crowded, 2000, 'banan', '2022-06-27T10:20:00+08:00')
  expect(await t.figures('2022-06-27T10:30:00+08:00')).toMatchObject({ ok: true, data: { slots: 1, venues: 1 } })
  const after = await t.dbRequests(() => t.admin(ORGANISER, 'attendance', {}, '2022-06-27T10:30:00+08:00'))
  expect(after.requests).toBe(before.requests)
  // bulk records cycle through the four statuses: 500 each
  expect(after.result.data.slots.find((s) => s.slotId === crowded)).toMatchObject({ quota: 5000, confirmed: 1000, checkedIn: 500, waitlisted: 500, cancelled: 500, noShow: 500 })
})
