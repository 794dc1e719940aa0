// Sign-up rules and their Chinese messages, the round trips of each path, cancellation, re-sign-up,
// the resident's own lists, and the promotion notice through the subscribe-message hook.
import type { OutboxDoc } from '../../shared/clinic-records'
import { docsWhere, present } from '../../__tests__/narrow'
import { personOf, signUpInput, startClinic, type ClinicTest } from './clinic-harness'

let t: ClinicTest
let sent: Array<Record<string, unknown>> = []
beforeAll(async () => {
  t = await startClinic()
  sent = t.h.acceptSubscribeMessages()
  process.env.CLINIC_TEMPLATE_PROMOTED = 'tpl-promoted'
})
afterAll(async () => {
  delete process.env.CLINIC_TEMPLATE_PROMOTED
  await t.close()
})

test('database requests: 2 per confirmed sign-up, 4 per waitlisted one, 4 per cancellation with promotion (its notice rides on the promotion)', async () => {
  const slotId = await t.makeSlot({ quota: 1 })
  t.h.resetStats()
  expect((await t.call('rt-1', 'signUp', signUpInput(slotId, 1))).data.outcome).toBe('confirmed')
  expect(t.h.stats()).toEqual({ total: 2, byAction: { 'database.modifyDocument': 1, 'database.insertDocument': 1 } })
  t.h.resetStats()
  expect((await t.call('rt-2', 'signUp', signUpInput(slotId, 2))).data.outcome).toBe('waitlisted')
  expect(t.h.stats().total).toBe(4)
  const mine = await t.call('rt-1', 'mySignups', {})
  t.h.resetStats()
  expect((await t.call('rt-1', 'cancel', { signupId: present(mine.data[0])._id })).ok).toBe(true)
  expect(t.h.stats()).toEqual({
    total: 5,
    byAction: { 'database.getDocument': 1, 'database.modifyDocument': 3, 'wx.openApi': 1 },
  })
  expect(sent.at(-1)).toMatchObject({ touser: 'rt-2', template_id: 'tpl-promoted' })
  const notices = await t.call('rt-2', 'myNotices', {})
  expect(notices.data[0]).toMatchObject({ kind: 'promoted', title: expect.stringContaining('候补成功') })
})

test('a stale cached copy of the slot never lets a sign-up through that the stored rules refuse; one read then says why', async () => {
  const slotId = await t.makeSlot({ quota: 5, audience: ['woman', 'pregnant'] })
  const slots = t.h.db.collection('clinicSlots')
  const tried = async (openid: string, input: ReturnType<typeof signUpInput>) => {
    t.h.resetStats()
    const res = await t.call(openid, 'signUp', input)
    expect(t.h.stats()).toEqual({ total: 2, byAction: { 'database.modifyDocument': 1, 'database.getDocument': 1 } })
    return res
  }
  await slots.doc(slotId).update({ data: { closed: true, rev: 2 } })
  expect(await tried('stale-1', signUpInput(slotId, 71))).toMatchObject({ ok: false, code: 'CONFLICT', message: '本场已停止报名，请选择其他场次' })
  await slots.doc(slotId).update({ data: { closed: false } })
  await t.call('stale-2', 'slot', { slotId })
  await slots.doc(slotId).update({ data: { audience: ['pregnant'] } })
  const wrongAudience = await tried('stale-2', signUpInput(slotId, 72))
  expect(wrongAudience).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(wrongAudience.message).toContain('本场义诊面向孕产妇')
  await t.call('stale-3', 'slot', { slotId })
  await slots.doc(slotId).update({ data: { quota: 1, confirmed: 1 } })
  const expecting = signUpInput(slotId, 73, { joinWaitlist: false, person: personOf(73, { category: 'pregnant' }) })
  expect((await tried('stale-3', expecting)).message).toContain('本场名额刚刚报满')
  expect((await t.slotDoc(slotId)).confirmed).toBe(1)
  expect(await t.signups(slotId)).toEqual([])
})

test.each([
  ['a bad phone number', { person: personOf(1, { phone: '12345678901' }) }, 'person.phone', '11 位大陆手机号码'],
  ['missing consent', { agreePrivacy: false }, 'agreePrivacy', '同意《义诊报名个人信息说明》'],
  ['a child without birth month', { person: personOf(1, { relation: 'child', category: 'child' }) }, 'person.birthMonth', '出生年月'],
  ['no service', { services: [] }, 'services', '至少选择一项'],
  ['a note over 200 characters', { note: '很'.repeat(201) }, 'note', '200 字'],
  ['an ID-card field', { idCard: '110101199003071234' }, '(整体)', '不认识的字段'],
])('refuses %s with a Chinese message saying what to fix', async (_label, patch, path, message) => {
  const slotId = await t.makeSlot()
  t.h.resetStats()
  const res = await t.call.raw('v-1', 'signUp', { ...signUpInput(slotId, 1), ...patch })
  expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(present(res.issues?.find((i) => i.path === path), `issue at ${path}`).message).toContain(message)
  expect(t.h.stats().total).toBe(0)
})

test('services the slot does not offer, the wrong audience, a future birth month: refused with what to choose', async () => {
  const slotId = await t.makeSlot({ services: ['两癌筛查'], audience: ['woman'] })
  const notOffered = await t.call('v-2', 'signUp', signUpInput(slotId, 2, { services: ['心理咨询'] }))
  expect(notOffered).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(notOffered.message).toContain('本场不提供「心理咨询」')
  expect(notOffered.message).toContain('两癌筛查')
  const child = personOf(2, { relation: 'child', category: 'child', birthMonth: '2020-05' })
  expect((await t.call('v-2', 'signUp', signUpInput(slotId, 2, { person: child }))).message).toContain('本场义诊面向妇女')
  const forChildren = await t.makeSlot({ services: ['两癌筛查'], audience: ['child'] })
  const unborn = personOf(3, { relation: 'child', category: 'child', birthMonth: '2023-01' })
  expect((await t.call('v-2', 'signUp', signUpInput(forChildren, 3, { person: unborn }))).message).toContain('不能晚于本月')
})

test('per-account limit: at most N persons per account in one slot, a cancelled one frees the slot for another', async () => {
  const slotId = await t.makeSlot({ perAccountLimit: 2 })
  const [mum1, mum2, mum3] = [signUpInput(slotId, 500), signUpInput(slotId, 501), signUpInput(slotId, 502)]
  const first = await t.call('mum', 'signUp', mum1)
  expect((await t.call('mum', 'signUp', mum2)).data.outcome).toBe('confirmed')
  const third = await t.call('mum', 'signUp', mum3)
  expect(third).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(third.message).toContain('最多为 2 人报名')
  await t.call('mum', 'cancel', { signupId: first.data.signup._id })
  expect((await t.call('mum', 'signUp', mum3)).data.outcome).toBe('confirmed')
})

test('full without joining the waitlist is refused; windows and cut-off are explained in China time', async () => {
  const slotId = await t.makeSlot({ quota: 1, signupOpensAt: '2022-06-25 12:00' })
  expect((await t.call('w-0', 'signUp', signUpInput(slotId, 0))).message).toBe('本场将于 6月25日 12:00 开放报名，请届时再来')
  await t.call('w-1', 'signUp', signUpInput(slotId, 1), '2022-06-25T12:00:00+08:00')
  const full = await t.call('w-2', 'signUp', signUpInput(slotId, 2, { joinWaitlist: false }), '2022-06-25T12:00:00+08:00')
  expect(full).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('刚刚报满'), issues: [{ path: 'joinWaitlist' }] })
  const late = await t.call('w-2', 'signUp', signUpInput(slotId, 2), '2022-06-26T08:00:00+08:00')
  expect(late.message).toContain('6月26日 08:00 截止')
  const mine = present((await t.call('w-1', 'mySignups', {}, '2022-06-25T20:00:00+08:00')).data[0])
  expect(mine.canCancel).toBe(false)
  const tooLate = await t.call('w-1', 'cancel', { signupId: mine._id }, '2022-06-25T20:00:00+08:00')
  expect(tooLate).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(tooLate.message).toContain('已过取消截止时间（6月25日 20:00）')
})

test('cancel keeps the record; signing up again reuses it with the whole history; only the owner may cancel', async () => {
  const slotId = await t.makeSlot()
  const first = await t.call('again', 'signUp', signUpInput(slotId, 9, { remind: true }))
  const id = first.data.signup._id
  expect(first.data.signup.checkInCode).toMatch(new RegExp(`^${id}\\.[A-Za-z0-9_-]{22}$`))
  expect(await t.call('stranger', 'cancel', { signupId: id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  const cancelled = await t.call('again', 'cancel', { signupId: id })
  expect(cancelled.data.signup).toMatchObject({ status: 'cancelled', canCancel: false })
  expect(cancelled.data.signup.checkInCode).toBeUndefined()
  expect((await t.call('again', 'cancel', { signupId: id })).ok).toBe(true)
  const again = await t.call('again', 'signUp', signUpInput(slotId, 9))
  expect(again.data.outcome).toBe('confirmed')
  expect(again.data.signup._id).toBe(id)
  expect(again.data.signup.history.map((e) => e.event)).toEqual(['signed_up', 'cancelled', 'signed_up'])
  expect(again.data.signup.checkInCode).not.toBe(first.data.signup.checkInCode)
  const doc = present((await t.signups(slotId))[0])
  expect(doc).not.toHaveProperty('cancelledAt')
  expect(doc.remind).toBe(false)
})

test('a retry answers "already" with the same sign-up; lastEntries offers the persons entered before', async () => {
  const slotId = await t.makeSlot()
  const kid = personOf(30, { relation: 'child', category: 'child', birthMonth: '2019-03' })
  await t.call('prefill', 'signUp', signUpInput(slotId, 30, { person: kid, services: ['儿童保健'] }))
  await t.call('prefill', 'signUp', signUpInput(slotId, 31))
  const retry = await t.call('prefill', 'signUp', signUpInput(slotId, 31, { person: personOf(31, { name: ` ${personOf(31).name} ` }) }))
  expect(retry.data.outcome).toBe('already')
  const entries = await t.call('prefill', 'lastEntries', {})
  expect(entries.data).toHaveLength(2)
  expect(entries.data).toEqual(expect.arrayContaining([kid, personOf(31)]))
  expect((await t.call('someone-else', 'lastEntries', {})).data).toEqual([])
})

test('slots: filters by venue, date and service, pages in one database request, statuses in China time', async () => {
  const open = await t.makeSlot({ title: '筛选测试', date: '2022-06-28', services: ['甲状腺/乳腺彩超'] })
  t.h.resetStats()
  const res = await t.call('browser', 'slots', { venueId: 'banan', date: '2022-06-28', service: '乳腺' })
  expect(t.h.stats().total).toBe(1)
  expect(res.data.items.map((s) => s._id)).toEqual([open])
  expect(res.data.items[0]).toMatchObject({ status: 'open', placesLeft: 10, venueName: '巴南分会场' })
  expect(res.data.items[0]).not.toHaveProperty('h')
  const over = await t.call('browser', 'slot', { slotId: open }, '2022-06-28T11:30:00+08:00')
  expect(over.data.status).toBe('over')
  expect((await t.call('browser', 'slots', { venueId: 'yongchuan', date: '2022-06-28' })).data.items).toEqual([])
})

test('a refused subscribe message (43101) does not undo the promotion; the outbox records the failure', async () => {
  t.h.registerOpenApi('subscribeMessage.send', () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }))
  const slotId = await t.makeSlot({ quota: 1 })
  const holder = await t.call('n-1', 'signUp', signUpInput(slotId, 1))
  await t.call('n-2', 'signUp', signUpInput(slotId, 2))
  expect((await t.call('n-1', 'cancel', { signupId: holder.data.signup._id })).ok).toBe(true)
  expect((await t.call('n-2', 'mySignups', {})).data).toEqual([expect.objectContaining({ status: 'confirmed' })])
  const outbox = await docsWhere<OutboxDoc>(t.h.db, 'clinicOutbox', { slotId })
  expect(outbox).toEqual([expect.objectContaining({ openid: 'n-2', kind: 'promoted', send: expect.objectContaining({ state: 'failed', errCode: 43101 }) })])
})

test('who a sign-up is for agrees with its category and birth month', async () => {
  const slotId = await t.makeSlot({ quota: 5 })
  const childAsPregnant = await t.call('mix-1', 'signUp', signUpInput(slotId, 31, { person: { relation: 'child', name: '王小美', phone: '13900000031', category: 'pregnant', birthMonth: '2019-03' } }))
  expect(childAsPregnant).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'person.category', message: '为孩子报名时，人群类别请选「儿童」' }] })
  const herselfAsChild = await t.call('mix-2', 'signUp', signUpInput(slotId, 32, { person: { relation: 'self', name: '王秀英', phone: '13900000032', category: 'child', birthMonth: '2019-03' } }))
  expect(herselfAsChild.issues?.[0]?.path).toBe('person.category')
  const womanWithBirthMonth = await t.call('mix-3', 'signUp', signUpInput(slotId, 33, { person: { relation: 'family', name: '王秀兰', phone: '13900000033', category: 'woman', birthMonth: '1960-03' } }))
  expect(womanWithBirthMonth.issues).toEqual([{ path: 'person.birthMonth', message: '只有儿童需要填写出生年月，请删去' }])
})
