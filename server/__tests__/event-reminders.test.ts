// Event reminders (提醒我) through the real wx-server-sdk: a resident turns one on (idempotently), the
// clinic reminder engine sends it once through subscribeMessage.send when the event is within a day,
// never at night, never after a cancel; 我的 lists it; clinic notices stay the clinic's own.
import type { Ctx } from '../core/context'
import { startHarness, type Harness } from './harness'
import type { Caller } from './typed-caller'

let h: Harness
let call: Caller<'festival'>
let clinic: Caller<'clinic'>
let sent: Array<Record<string, unknown>> = []

const EVENT = {
  _id: 'test-talk', festivalId: 'cq-2022', venueId: 'banan', title: '孕期营养讲座', kind: 'lecture',
  startAt: '2022-06-27T15:00:00+08:00', endAt: '2022-06-27T16:30:00+08:00', place: '巴南区妇幼保健院三楼', description: '',
}

beforeAll(async () => {
  h = await startHarness()
  const { festivalHandlers } = await import('../festival/handlers')
  const { clinicHandlers } = await import('../clinic/handlers')
  call = h.caller('festival', festivalHandlers, '2022-06-25T10:00:00+08:00')
  clinic = h.caller('clinic', clinicHandlers)
  await h.db.collection('events').add({ data: EVENT })
  sent = h.acceptSubscribeMessages()
  process.env.CLINIC_TEMPLATE_REMINDER = 'tpl-reminder'
})
afterAll(async () => {
  delete process.env.CLINIC_TEMPLATE_REMINDER
  await h.close()
})

const timer = async (iso: string) => {
  const { sendReminders } = await import('../clinic/reminders')
  const ctx: Ctx = { ...h.ctx('', iso), trigger: 'timer' }
  const run = await sendReminders(ctx)
  if (!run.ok) throw new Error(run.message)
  return run
}

test('提醒我 is one reminder per person and event, however often it is asked; an event already started refuses', async () => {
  expect((await call('fan-1', 'reminder', { eventId: EVENT._id })).data).toEqual({ reminder: null })
  const first = await call('fan-1', 'remind', { eventId: EVENT._id })
  expect(first.data).toMatchObject({ eventId: 'test-talk', title: '孕期营养讲座', startAt: EVENT.startAt, state: 'on' })
  const again = await call('fan-1', 'remind', { eventId: EVENT._id })
  expect(again.data._id).toBe(first.data._id)
  await call('fan-2', 'remind', { eventId: EVENT._id })
  await call('quitter', 'remind', { eventId: EVENT._id })
  expect((await call('quitter', 'cancelReminder', { eventId: EVENT._id })).data.state).toBe('cancelled')
  const stored = (await h.db.collection('eventReminders').where({ eventId: EVENT._id }).get()) as unknown as { data: Array<{ openid: string }> }
  expect(stored.data.map((d) => d.openid).sort()).toEqual(['fan-1', 'fan-2', 'quitter'])
  expect(await call('late', 'remind', { eventId: EVENT._id }, '2022-06-27T15:00:00+08:00')).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(await call('', 'remind', { eventId: EVENT._id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await call('fan-1', 'remind', { eventId: 'no-such-event' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('我的 lists the reminders still on, soonest first; a cancelled one is gone', async () => {
  const mine = await call('fan-1', 'myReminders', {})
  expect(mine.data.map((r: { eventId: string }) => r.eventId)).toEqual(['test-talk'])
  expect((await call('quitter', 'myReminders', {})).data).toEqual([])
})

test('sent once, a day before, never at night, only to those still subscribed; the clinic notices stay apart', async () => {
  expect((await timer('2022-06-26T14:00:00+08:00')).data.events).toEqual({ sent: 0, failed: 0 })
  expect((await timer('2022-06-26T22:00:00+08:00')).data).toMatchObject({ skipped: '夜间不发送提醒' })
  expect((await timer('2022-06-27T07:30:00+08:00')).data).toMatchObject({ skipped: '夜间不发送提醒' })
  expect(sent).toHaveLength(0)
  const run = await timer('2022-06-27T09:05:00+08:00')
  expect(run.data.events).toEqual({ sent: 2, failed: 0 })
  expect((await timer('2022-06-27T10:05:00+08:00')).data.events).toEqual({ sent: 0, failed: 0 })
  expect(sent.map((m) => m.touser).sort()).toEqual(['fan-1', 'fan-2'])
  expect(sent[0]).toMatchObject({
    template_id: 'tpl-reminder', page: 'pages/event/index?id=test-talk',
    data: { thing1: { value: '孕期营养讲座' }, time2: { value: '2022-06-27 15:00' } },
  })
  expect((await call('fan-1', 'reminder', { eventId: EVENT._id })).data.reminder?.state).toBe('sent')
  expect((await call('fan-1', 'remind', { eventId: EVENT._id }, '2022-06-27T11:00:00+08:00')).data.state).toBe('sent')
  expect((await timer('2022-06-27T12:05:00+08:00')).data.events).toEqual({ sent: 0, failed: 0 })
  expect((await clinic('fan-1', 'myNotices', {})).data).toEqual([])
})

test('an event moved before its reminder was sent takes its reminders along', async () => {
  const moved = { ...EVENT, _id: 'test-moved', startAt: '2022-07-02T09:00:00+08:00' }
  await h.db.collection('events').add({ data: moved })
  await call('fan-3', 'remind', { eventId: moved._id })
  const { syncEventReminders } = await import('../shared/event-reminders')
  expect(await syncEventReminders(h.db, { ...moved, kind: 'lecture', startAt: '2022-07-01T10:00:00+08:00', place: '新院区' })).toBe(1)
  expect((await call('fan-3', 'myReminders', {})).data[0]).toMatchObject({ startAt: '2022-07-01T10:00:00+08:00', place: '新院区' })
})
