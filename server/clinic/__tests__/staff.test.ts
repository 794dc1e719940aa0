// Staff actions: only organisers and the slot's own venue staff may check residents in or edit slots;
// a check-in code works once, a wrong one is refused, a second scan says who checked in and when;
// the phone-tail lookup shows masked matches; quota edits never go below the places taken.
import { present, variant } from '../../__tests__/narrow'
import { ORGANISER, STAFF_BANAN, STAFF_YONGCHUAN, expectConsistent, personOf, signUpInput, startClinic, type ClinicTest } from './clinic-harness'

let t: ClinicTest
let banan = ''
let yongchuan = ''
beforeAll(async () => {
  t = await startClinic()
  banan = await t.makeSlot({ quota: 3 })
  yongchuan = await t.makeSlot({ venueId: 'yongchuan', place: '永川区妇幼保健院新院区' })
})
afterAll(() => t.close())

const DAY_OF = '2022-06-26T08:50:00+08:00'

test('a resident (or an expert) cannot call staff actions', async () => {
  for (const openid of ['resident-x', 'demo-expert-1', '']) {
    for (const res of [
      await t.call(openid, 'checkIn', { slotId: banan, phoneTail: '1234' }),
      await t.call(openid, 'createSlot', { venueId: 'banan', title: '偷偷加一场', date: '2022-06-27', startTime: '09:00', endTime: '10:00', place: '某地', services: ['血压血糖'], audience: ['other'], quota: 5 }),
      await t.call(openid, 'updateSlot', { slotId: banan, quota: 100 }),
      await t.call(openid, 'sendReminders', {}),
    ]) {
      expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(res.message).toMatch(/工作人员|组委会/)
    }
  }
})

test('staff of 巴南 cannot check in, look up, create or edit for 永川; the organiser can do all', async () => {
  const signup = (await t.call('yc-resident', 'signUp', signUpInput(yongchuan, 1))).data.signup
  const denied = [
    await t.call(STAFF_BANAN, 'checkIn', { code: signup.checkInCode }, DAY_OF),
    await t.call(STAFF_BANAN, 'checkIn', { slotId: yongchuan, phoneTail: '0001' }, DAY_OF),
    await t.call(STAFF_BANAN, 'updateSlot', { slotId: yongchuan, title: '改个名' }),
    await t.call(STAFF_BANAN, 'createSlot', { venueId: 'yongchuan', title: '加一场', date: '2022-06-27', startTime: '09:00', endTime: '10:00', place: '某地', services: ['血压血糖'], audience: ['other'], quota: 5 }),
  ]
  for (const res of denied) expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('本分会场') })
  expect((await t.call(STAFF_BANAN, 'updateSlot', { slotId: banan, title: '巴南改名' })).data.title).toBe('巴南改名')
  expect((await t.call(STAFF_YONGCHUAN, 'checkIn', { code: signup.checkInCode }, DAY_OF)).data.outcome).toBe('checked_in')
  expect((await t.call(ORGANISER, 'updateSlot', { slotId: yongchuan, note: '请带好医保卡' })).data.note).toBe('请带好医保卡')
})

test('a check-in code works once; a second scan says who checked in and when; a wrong token is refused', async () => {
  const signup = (await t.call('door-1', 'signUp', signUpInput(banan, 11))).data.signup
  const code = present(signup.checkInCode, 'checkInCode')
  const [id = '', token = ''] = code.split('.')
  const forged = `${id}.${token.startsWith('A') ? 'B' : 'A'}${token.slice(1)}`
  expect(await t.call(STAFF_BANAN, 'checkIn', { code: forged }, DAY_OF)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await t.call(STAFF_BANAN, 'checkIn', { code: 'not-a-code' }, DAY_OF)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await t.call(STAFF_BANAN, 'checkIn', { code }, '2022-06-25T18:00:00+08:00')).toMatchObject({ ok: false, code: 'CONFLICT' })
  const first = await t.call(STAFF_BANAN, 'checkIn', { code }, DAY_OF)
  expect(first.data).toMatchObject({ outcome: 'checked_in', entry: { maskedName: '王*安', maskedPhone: '139****0011' } })
  const second = variant((await t.call(ORGANISER, 'checkIn', { code }, '2022-06-26T09:05:00+08:00')).data, 'outcome', 'already')
  expect(second).toMatchObject({ checkedInAt: '2022-06-26T08:50:00+08:00', checkedInBy: '陈护士（巴南分会场）' })
  expect(second.notice).toBe('这位居民已于 6月26日 08:50 由 陈护士（巴南分会场） 签到，无需重复签到')
  const mine = present((await t.call('door-1', 'mySignups', {}, DAY_OF)).data[0])
  expect(mine).toMatchObject({ status: 'checked_in', canCancel: false })
  expect(mine.checkInCode).toBeUndefined()
  expect(mine.history.at(-1)).toMatchObject({ event: 'checked_in', by: '陈护士（巴南分会场）' })
  expect(await t.call('door-1', 'cancel', { signupId: id }, DAY_OF)).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('by phone tail: masked matches of the slot, then check in the chosen one by its id', async () => {
  const res = await t.call('door-2', 'signUp', signUpInput(banan, 12, { person: personOf(12, { phone: '13800005678' }) }))
  const found = variant((await t.call(STAFF_BANAN, 'checkIn', { slotId: banan, phoneTail: '5678' }, DAY_OF)).data, 'outcome', 'matches')
  expect(found.matches).toEqual([expect.objectContaining({ signupId: res.data.signup._id, maskedPhone: '138****5678' })])
  expect(JSON.stringify(found)).not.toContain('13800005678')
  expect((await t.call(STAFF_BANAN, 'checkIn', { signupId: res.data.signup._id }, DAY_OF)).data.outcome).toBe('checked_in')
  expect((await t.call(STAFF_BANAN, 'checkIn', { signupId: res.data.signup._id }, DAY_OF)).data.outcome).toBe('already')
  expect((await t.call(STAFF_BANAN, 'checkIn', { slotId: banan, phoneTail: '99' }, DAY_OF)).code).toBe('INVALID_INPUT')
})

test('lowering the quota below the places taken is refused with the count; raising it serves the waitlist first', async () => {
  const slotId = await t.makeSlot({ quota: 2, waitlistLimit: 10 })
  for (let i = 0; i < 4; i += 1) await t.call(`q-${i}`, 'signUp', signUpInput(slotId, 40 + i), `2022-06-25T10:00:0${i}+08:00`)
  const lower = await t.call(STAFF_BANAN, 'updateSlot', { slotId, quota: 1 })
  expect(lower).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(lower.message).toContain('已有 2 人报名成功，名额不能少于 2')
  const raised = await t.call(STAFF_BANAN, 'updateSlot', { slotId, quota: 3 })
  expect(raised.data).toMatchObject({ quota: 3, confirmed: 3, waitlisted: 1, status: 'full' })
  const docs = await t.signups(slotId)
  expect(docs.find((d) => d.openid === 'q-2')).toMatchObject({ status: 'confirmed' })
  expect(docs.find((d) => d.openid === 'q-3')).toMatchObject({ status: 'waitlisted' })
  expectConsistent(await t.slotDoc(slotId), docs)
})

test('slot edits are validated: end before start, closing after the clinic, a past date', async () => {
  const bad = await t.call(ORGANISER, 'updateSlot', { slotId: banan, endTime: '08:00' })
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('结束时间应晚于开始时间') })
  const late = await t.call(ORGANISER, 'updateSlot', { slotId: banan, signupClosesAt: '2022-06-26 12:00' })
  expect(late.message).toContain('报名截止时间不能晚于义诊结束时间')
  const past = await t.call(ORGANISER, 'createSlot', { venueId: 'banan', title: '过去', date: '2022-06-20', startTime: '09:00', endTime: '10:00', place: '某地', services: ['血压血糖'], audience: ['other'], quota: 5 })
  expect(past.message).toContain('义诊时间已经过去')
  expect((await t.call(ORGANISER, 'updateSlot', { slotId: banan })).code).toBe('INVALID_INPUT')
})
