// Retention through the real SDK: export files leave storage a day after their export; before the
// cut-off (the slot's own end + CLINIC_RETENTION_DAYS, default 30) nothing changes; after it the daily
// timer blanks every personal field of the slot's sign-ups and notices while statuses, history and
// attendance figures stay; a second run changes nothing; a dry run only counts; only organisers may run
// it by hand; every run that deleted something is audit-logged. A sign-up for tomorrow survives every
// daily run until its slot has been over for the retention period, whatever its festival's dates (even
// a slot dated after its festival, as the old demo data held); a slot outside its festival's dates is
// refused when created or moved.
import { NOW, ORGANISER, STAFF_BANAN, signUpInput } from '../../clinic/__tests__/clinic-harness'
import { addChinaDays } from '../../core/china-time'
import type { OutboxDoc, SignupDoc } from '../../shared/clinic-records'
import { asWeChatUser } from '../../__tests__/harness'
import { docsWhere, present } from '../../__tests__/narrow'
import { bulkDoc, fileOf, startAdmin, type AdminTest } from './admin-harness'

let t: AdminTest
let banan = ''
let yongchuan = ''
let exportUrl = ''
/** Both slots end on 26 June 2022 at 11:30: kept until 26 July 11:30, purged by the next daily run. */
const LAST_KEPT = '2022-07-26T11:29:00+08:00'
const DUE = '2022-07-26T11:30:00+08:00'
const FIRST_PURGE = '2022-07-27T03:30:00+08:00'

beforeAll(async () => {
  t = await startAdmin()
  banan = await t.makeSlot({ quota: 2 })
  yongchuan = await t.makeSlot({ venueId: 'yongchuan', place: '永川区妇幼保健院新院区' })
  const child = { person: { relation: 'child', name: '刘小宝', phone: '13800000001', category: 'child', birthMonth: '2020-05' }, note: '过敏体质' } as const
  const first = (await t.call('resident-1', 'signUp', signUpInput(banan, 1, child))).data.signup
  for (let i = 2; i <= 4; i++) await t.call(`resident-${i}`, 'signUp', signUpInput(banan, i))
  await t.call('resident-9', 'signUp', signUpInput(yongchuan, 9))
  await t.call('resident-1', 'cancel', { signupId: first._id })
  const code = present((await t.call('resident-2', 'mySignups', {})).data[0]?.checkInCode, 'check-in code')
  await t.call(STAFF_BANAN, 'checkIn', { code }, '2022-06-26T09:00:00+08:00')
  exportUrl = fileOf((await t.admin(ORGANISER, 'exportSignups', { slotId: banan }))).url
  // A reminder as the clinicReminders timer records it (a promotion's notice lives on its sign-up instead).
  const reminder: OutboxDoc = {
    _id: 'reminder-retention', openid: 'resident-2', kind: 'reminder', signupId: 'reminded', slotId: banan, title: '就诊提醒',
    body: '王丹安：您报名的义诊明天 09:00 开始，请按时到场', page: 'clinic/mine/index',
    createdAt: '2022-06-25T09:05:00.000+08:00', send: { state: 'sent', at: '2022-06-25T09:05:00.000+08:00' },
  }
  await t.h.db.collection('clinicOutbox').add({ data: reminder })
})
afterAll(() => t.close())

const snapshot = async () => ({
  signups: [...(await t.signups(banan)), ...(await t.signups(yongchuan))],
  outbox: await docsWhere<OutboxDoc>(t.h.db, 'clinicOutbox'),
})

test('export files leave storage a day after their export, once', async () => {
  expect((await fetch(exportUrl)).status).toBe(200)
  const early = await t.admin(ORGANISER, 'purgePersonalData', { dryRun: true }, '2022-06-26T09:59:00+08:00')
  expect(early.data).toMatchObject({ exportFiles: 0, festivals: [] })
  expect((await t.admin(ORGANISER, 'purgePersonalData', { dryRun: true }, '2022-06-26T10:01:00+08:00')).data.exportFiles).toBe(1)
  expect((await t.timer('2022-06-27T03:30:00+08:00')).data).toMatchObject({ exportFiles: 1, anonymised: 0, festivals: [] })
  expect((await fetch(exportUrl)).status).toBe(404)
  const log = await t.audits()
  expect(log.find((a) => a.action === 'export')).toMatchObject({ fileRemovedAt: '2022-06-27T03:30:00.000+08:00' })
  expect(log.at(-1)).toMatchObject({ action: 'purge', actor: { openid: '', name: '定时任务' }, detail: expect.stringContaining('导出文件 1') })
  expect((await t.timer('2022-06-28T03:30:00+08:00')).data.exportFiles).toBe(0)
})

test('before the cut-off nothing changes, whatever the caller', async () => {
  const before = await snapshot()
  expect(before.signups.some((s) => s.promotedNotice?.body.includes('王丹安'))).toBe(true)
  expect((await t.timer(LAST_KEPT)).data).toMatchObject({ festivals: [], slots: 0, anonymised: 0, notices: 0, retentionDays: 30 })
  expect((await t.admin(ORGANISER, 'purgePersonalData', {}, LAST_KEPT)).data).toMatchObject({ festivals: [], anonymised: 0 })
  expect(await snapshot()).toEqual(before)
})

test('the retention period comes from CLINIC_RETENTION_DAYS', async () => {
  const dry = (days: string | undefined, now: string) => {
    if (days === undefined) delete process.env.CLINIC_RETENTION_DAYS
    else process.env.CLINIC_RETENTION_DAYS = days
    return t.admin(ORGANISER, 'purgePersonalData', { dryRun: true }, now).then((r) => r.data)
  }
  try {
    expect(await dry('0', '2022-06-26T11:30:00+08:00')).toMatchObject({ festivals: ['cq-2022'], slots: 2, anonymised: 5, notices: 1, retentionDays: 0 })
    expect(await dry('0', '2022-06-26T11:29:00+08:00')).toMatchObject({ festivals: [], slots: 0, anonymised: 0, retentionDays: 0 })
    expect(await dry(undefined, LAST_KEPT)).toMatchObject({ festivals: [], anonymised: 0, retentionDays: 30 })
    expect(await dry(undefined, DUE)).toMatchObject({ festivals: ['cq-2022'], anonymised: 5, retentionDays: 30 })
    expect(await dry('90', FIRST_PURGE)).toMatchObject({ festivals: [], retentionDays: 90 })
    expect(await dry('很久', FIRST_PURGE)).toMatchObject({ festivals: ['cq-2022'], retentionDays: 30 })
  } finally {
    await dry(undefined, FIRST_PURGE)
  }
})

test('only organisers run it by hand; a dry run counts and changes nothing', async () => {
  expect(await t.admin(STAFF_BANAN, 'purgePersonalData', { dryRun: true }, FIRST_PURGE)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await t.admin('resident-1', 'purgePersonalData', {}, FIRST_PURGE)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const before = await snapshot()
  const audits = (await t.audits()).length
  const dry = await t.admin(ORGANISER, 'purgePersonalData', { dryRun: true }, FIRST_PURGE)
  expect(dry.data).toMatchObject({ festivals: ['cq-2022'], anonymised: 5, notices: 1, dryRun: true })
  expect(await snapshot()).toEqual(before)
  expect(await t.audits()).toHaveLength(audits)
})

test('after the cut-off: people are gone, statuses, history and figures stay; a second run changes nothing', async () => {
  const before = await snapshot()
  const figures = (await t.admin(ORGANISER, 'attendance', {}, FIRST_PURGE)).data
  const run = await t.timer(FIRST_PURGE)
  expect(run.data).toMatchObject({ festivals: ['cq-2022'], slots: 2, anonymised: 5, notices: 1, dryRun: false })
  const after = await snapshot()
  for (const doc of after.signups) {
    const old = present(before.signups.find((d) => d._id === doc._id), `sign-up ${doc._id} before the purge`)
    expect(doc.person).toEqual({ relation: old.person.relation, category: old.person.category, name: '', phone: '' })
    expect(doc).toMatchObject({ phoneTail: '', anonymisedAt: '2022-07-27T03:30:00+08:00' })
    expect(doc.note).toBeUndefined()
    expect(doc.checkInToken).toBeUndefined()
    expect(doc.promotedNotice).toBeUndefined()
    for (const key of ['status', 'services', 'history', 'createdAt', 'updatedAt', 'consent', 'checkedInAt', 'cancelledAt'] as const) expect(doc[key]).toEqual(old[key])
  }
  expect(JSON.stringify(after)).not.toMatch(/王|刘小宝|(?<!\d)1[3-9]\d{9}(?!\d)|过敏|2020-05/)
  expect(after.outbox).toHaveLength(1)
  expect(after.outbox.every((n) => n.body.startsWith('（通知内容已按') && n.title)).toBe(true)
  expect((await t.admin(ORGANISER, 'attendance', {}, FIRST_PURGE)).data).toEqual(figures)
  expect((await t.audits()).at(-1)).toMatchObject({ action: 'purge', target: 'cq-2022', rows: 5, actor: { name: '定时任务' } })
  expect((await t.slotDoc(banan)).purgedAt).toBe('2022-07-27T03:30:00+08:00')

  const audits = (await t.audits()).length
  expect((await t.timer('2022-07-28T03:30:00+08:00')).data).toMatchObject({ festivals: [], slots: 0, anonymised: 0, notices: 0 })
  expect(await t.audits()).toHaveLength(audits)
  expect(await snapshot()).toEqual(after)
  expect((await t.admin(ORGANISER, 'purgePersonalData', {}, '2022-07-28T09:00:00+08:00')).data.anonymised).toBe(0)
  expect((await t.audits()).at(-1)).toMatchObject({ action: 'purge', rows: 0, actor: { openid: ORGANISER } })
})

test('what staff and residents see afterwards', async () => {
  const list = await t.admin(ORGANISER, 'signupList', { slotId: banan }, NOW)
  const first = present(list.data.items[0])
  expect(first).toMatchObject({ maskedName: '（已删除）', maskedPhone: '（已删除）', anonymised: true })
  const id = first.signupId
  expect(await t.admin(ORGANISER, 'revealSignup', { signupId: id, reason: '核对名单' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect((await t.call('resident-1', 'lastEntries', {})).data).toEqual([])
  expect(fileOf((await t.admin(ORGANISER, 'exportSignups', { slotId: banan }))).rows).toBe(4)
})

const personal = (doc: SignupDoc | undefined) => {
  const { person, phoneTail, checkInToken, note } = present(doc, 'the sign-up')
  return { name: person.name, phone: person.phone, phoneTail, token: checkInToken, note }
}

test('a sign-up for tomorrow survives every daily run until its slot has been over for the retention period', async () => {
  const signedUpAt = '2022-07-28T10:00:00+08:00'
  const tomorrow = await t.makeSlot({
    date: '2022-07-29', signupOpensAt: '2022-07-27 09:00', signupClosesAt: '2022-07-29 08:00', cancelCutoffAt: '2022-07-28 20:00', place: '巴南区鱼洞街道社区卫生服务中心',
  })
  const signed = await t.call('resident-20', 'signUp', signUpInput(tomorrow, 20, { note: '腿脚不便' }), signedUpAt)
  expect(signed).toMatchObject({ ok: true, data: { outcome: 'confirmed' } })
  const [before] = await t.signups(tomorrow)
  expect(personal(before)).toEqual({ name: expect.any(String), phone: expect.stringMatching(/^1\d{10}$/), phoneTail: expect.stringMatching(/^\d{4}$/), token: expect.any(String), note: '腿脚不便' })

  for (let day = '2022-07-29'; day <= '2022-08-28'; day = addChinaDays(day, 1)) {
    expect((await t.timer(`${day}T03:30:00+08:00`)).data.slots).toBe(0)
  }
  process.env.CLINIC_RETENTION_DAYS = '0'
  try {
    expect((await t.admin(ORGANISER, 'purgePersonalData', {}, '2022-07-29T11:29:00+08:00')).data).toMatchObject({ slots: 0, anonymised: 0 })
  } finally {
    delete process.env.CLINIC_RETENTION_DAYS
  }
  const [kept] = await t.signups(tomorrow)
  expect(personal(kept)).toEqual(personal(before))
  expect(present(kept).anonymisedAt).toBeUndefined()

  expect((await t.timer('2022-08-29T03:30:00+08:00')).data).toMatchObject({ festivals: ['cq-2022'], slots: 1, anonymised: 1 })
  const [gone] = await t.signups(tomorrow)
  expect(personal(gone)).toEqual({ name: '', phone: '', phoneTail: '', token: undefined, note: undefined })
})

test('a slot dated after its festival (as the old demo data held) keeps its sign-ups once the festival has ended', async () => {
  const legacy = { ...(await t.slotDoc(banan)), _id: 'banan-legacy-after-festival', date: '2023-02-02' }
  delete legacy.purgedAt
  await t.h.db.collection('clinicSlots').add({ data: legacy })
  const doc = { ...bulkDoc(legacy._id, 'banan', 1), status: 'confirmed', checkInToken: 'legacy-token-0123456789a' }
  await t.h.db.collection('clinicSignups').add({ data: doc })

  await t.timer('2023-02-01T03:30:00+08:00')
  const [kept] = await t.signups(legacy._id)
  expect(personal(kept)).toEqual({ name: doc.person.name, phone: doc.person.phone, phoneTail: doc.phoneTail, token: doc.checkInToken, note: undefined })
  expect((await t.slotDoc(legacy._id)).purgedAt).toBeUndefined()
})

test('a slot outside its festival\'s dates is refused, created or moved, saying which dates to choose', async () => {
  const within = '文化节期间（2022-04-29 至 2022-12-31）'
  const after = await t.call(ORGANISER, 'createSlot', {
    venueId: 'banan', title: '节后义诊', date: '2023-01-05', startTime: '09:00', endTime: '11:30', place: '巴南区人民广场',
    services: ['两癌筛查'], audience: ['woman'], quota: 10,
  })
  expect(after).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'date', message: expect.stringContaining(within) }] })
  const before = await t.call(ORGANISER, 'createSlot', {
    venueId: 'banan', title: '节前义诊', date: '2022-04-28', startTime: '09:00', endTime: '11:30', place: '巴南区人民广场',
    services: ['两癌筛查'], audience: ['woman'], quota: 10,
  }, '2022-04-01T09:00:00+08:00')
  expect(before).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(within) })

  const lastDay = await t.makeSlot({ date: '2022-12-31', signupClosesAt: '2022-12-31 08:00', cancelCutoffAt: '2022-12-30 20:00' })
  const moved = await t.call(STAFF_BANAN, 'updateSlot', { slotId: lastDay, date: '2023-01-01', signupClosesAt: '2022-12-31 08:00' })
  expect(moved).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'date', message: expect.stringContaining(within) }] })
  expect((await t.slotDoc(lastDay)).date).toBe('2022-12-31')
})

test('the WeChat timer event of config.json reaches the purge, only without a user', async () => {
  const { readFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const config: { triggers: unknown[] } = JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions/clinicAdmin/config.json'), 'utf8'))
  expect(config.triggers).toContainEqual(expect.objectContaining({ name: 'clinicPurge', type: 'timer' }))
  const { main } = await import('../index')
  const fromTimer = await main({ Type: 'Timer', TriggerName: 'clinicPurge', Time: new Date().toISOString() })
  expect(fromTimer).toMatchObject({ ok: true, data: { festivals: ['cq-2022'], anonymised: 1, dryRun: false } })
  const pretending = await asWeChatUser('resident-pretending', () => main({ Type: 'Timer', TriggerName: 'clinicPurge' }))
  expect(pretending).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})
