// "Day" rules in China time while the process runs in another timezone: sign-up windows, "over", and
// the day-before reminder (once per sign-up, quiet at night, timer-triggered). The rules are also run
// in a child process on New York time, since jest's sandbox cannot change the zone of its own process.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { addChinaDays, chinaDate, chinaHour, chinaInstant, toChinaIso } from '../../core/china-time'
import { slotStatus } from '../../shared/slot-rules'
import type { SlotRead } from '../../shared/clinic-records'
import { asWeChatUser } from '../../__tests__/harness'
import { okData, present } from '../../__tests__/narrow'
import { ORGANISER, signUpInput, startClinic, type ClinicTest } from './clinic-harness'

test('in a process on New York time, the China-time rules give the same answers', () => {
  const root = join(__dirname, '..', '..', '..')
  const probe = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'tz-probe.ts')], {
    cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'America/New_York' },
  })
  expect(probe.stderr.replace(/^npm warn.*$/gm, '').trim()).toBe('')
  expect(JSON.parse(probe.stdout)).toEqual({
    offset: 240,
    dates: ['2022-06-25', '2022-06-26'],
    hour: 0,
    tomorrow: '2022-06-26',
    instant: '2022-06-26T01:00:00.000Z',
    iso: '2022-06-25T00:30:00+08:00',
    window: ['not_open', 'open', 'closed', 'over'],
  })
})

test('this jest process is forced onto New York time too (test/jest-node), wherever the machine is', () => {
  expect(new Date('2022-06-25T12:00:00Z').getTimezoneOffset()).toBe(240)
  expect(new Date('2022-06-25T12:00:00Z').getHours()).toBe(8)
})

test('China dates, wall clocks and day arithmetic do not depend on the process timezone', () => {
  expect(chinaDate(new Date('2022-06-25T15:59:59Z'))).toBe('2022-06-25')
  expect(chinaDate(new Date('2022-06-25T16:00:00Z'))).toBe('2022-06-26')
  expect(chinaHour(new Date('2022-06-25T16:30:00Z'))).toBe(0)
  expect(chinaInstant('2022-06-26', '09:00').toISOString()).toBe('2022-06-26T01:00:00.000Z')
  expect(toChinaIso(new Date('2022-06-25T16:30:00Z'))).toBe('2022-06-26T00:30:00+08:00')
  expect(addChinaDays('2022-12-31', 1)).toBe('2023-01-01')
  expect(addChinaDays('2022-03-01', -1)).toBe('2022-02-28')
})

test('a slot window opens and closes at China wall-clock instants', () => {
  const slot = {
    date: '2022-06-26', startTime: '09:00', endTime: '11:30', closed: false, quota: 2, confirmed: 0, waitlisted: 0,
    signupOpensAt: '2022-06-24T09:00:00+08:00', signupClosesAt: '2022-06-26T08:00:00+08:00',
  } as SlotRead
  const at = (iso: string) => slotStatus(slot, new Date(iso))
  expect(at('2022-06-24T00:59:59Z')).toBe('not_open')
  expect(at('2022-06-24T01:00:00Z')).toBe('open')
  expect(at('2022-06-25T23:59:59Z')).toBe('open')
  expect(at('2022-06-26T00:00:00Z')).toBe('closed')
  expect(at('2022-06-26T03:30:00Z')).toBe('over')
  expect(slotStatus({ ...slot, confirmed: 2 }, new Date('2022-06-25T00:00:00Z'))).toBe('full')
})

describe('day-before reminders', () => {
  let t: ClinicTest
  let sent: Array<Record<string, unknown>> = []
  let slotId = ''
  beforeAll(async () => {
    t = await startClinic()
    sent = t.h.acceptSubscribeMessages()
    process.env.CLINIC_TEMPLATE_REMINDER = 'tpl-reminder'
    slotId = await t.makeSlot({ quota: 5 })
    await t.call('remind-me', 'signUp', signUpInput(slotId, 1, { remind: true }))
    await t.call('no-thanks', 'signUp', signUpInput(slotId, 2, { remind: false }))
    const gone = await t.call('gone', 'signUp', signUpInput(slotId, 3, { remind: true }))
    await t.call('gone', 'cancel', { signupId: gone.data.signup._id })
  })
  afterAll(async () => {
    delete process.env.CLINIC_TEMPLATE_REMINDER
    await t.close()
  })

  const timer = (iso: string) => {
    const ctx = { ...t.h.ctx('', iso), trigger: 'timer' as const }
    return import('../reminders').then(({ sendReminders }) => sendReminders(ctx)).then(okData)
  }

  test('at 00:30 China time (16:30 UTC the day before) "tomorrow" is already the next China day', async () => {
    expect(await timer('2022-06-24T16:30:00Z')).toMatchObject({ date: '2022-06-26', sent: 0, skipped: '夜间不发送提醒' })
    expect(await timer('2022-06-25T01:00:00Z')).toMatchObject({ date: '2022-06-26', sent: 1, failed: 0 })
    expect(await timer('2022-06-25T16:30:00Z')).toMatchObject({ date: '2022-06-27' })
  })

  test('sent once per sign-up however often the timer fires, to the one who asked, through subscribeMessage.send', async () => {
    expect(await timer('2022-06-25T05:00:00Z')).toMatchObject({ sent: 0 })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ touser: 'remind-me', template_id: 'tpl-reminder', page: 'clinic/mine/index', data: { time2: { value: '2022-06-26 09:00' } } })
    const notices = await t.call('remind-me', 'myNotices', {})
    expect(notices.data).toEqual([expect.objectContaining({ body: expect.stringContaining('6月26日 09:00') })])
    const mine = await t.call('remind-me', 'mySignups', {})
    expect(present(mine.data[0]).history.map((e) => e.event)).toEqual(['signed_up', 'reminded'])
  })

  test('residents cannot run it; organisers can; the WeChat timer event reaches it only without a user', async () => {
    expect(await t.call('remind-me', 'sendReminders', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await t.call(ORGANISER, 'sendReminders', {})).ok).toBe(true)
    const { main } = await import('../index')
    const fromTimer = await main({ Type: 'Timer', TriggerName: 'clinicReminders', Time: new Date().toISOString() })
    expect(fromTimer).toMatchObject({ ok: true, data: { date: addChinaDays(chinaDate(new Date()), 1) } })
    const pretending = await asWeChatUser('resident-pretending', () => main({ Type: 'Timer', TriggerName: 'clinicReminders' }))
    expect(pretending).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
