// 提醒我 on an event: WeChat's subscribe prompt is asked inside the tap before festival.remind, a
// declined prompt sends nothing and says how to allow it, 取消提醒 turns it off; an event already started
// shows no control. The weapp permission helper asks for the reminder template alone.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ok, type EventReminder } from '@/contract'
import { EventReminderControl } from '@/components/event-reminder'
import { requestEventReminderPermission } from '@/utils/subscribe-event'
import { callMock, stubTaro } from './helpers'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('@/utils/subscribe-event', () => ({ requestEventReminderPermission: jest.fn() }))

const ask = requestEventReminderPermission as jest.Mock
const FUTURE = '2099-06-27T15:00:00+08:00'
const reminder: EventReminder = {
  _id: 'talk-abc', eventId: 'talk', venueId: 'banan', title: '孕期营养讲座', place: '三楼', startAt: FUTURE, state: 'on', createdAt: '2022-06-25T10:00:00+08:00',
}
const order: string[] = []

beforeEach(() => {
  stubTaro()
  order.length = 0
  callMock.mockImplementation(async (_fn, action) => {
    order.push(action)
    if (action === 'reminder') return ok({ reminder: null })
    if (action === 'remind') return ok(reminder)
    if (action === 'cancelReminder') return ok({ ...reminder, state: 'cancelled' })
    throw new Error(`unexpected ${action}`)
  })
})

test('the subscribe prompt comes first in the tap, then festival.remind; 取消提醒 turns it off', async () => {
  ask.mockImplementation(async () => {
    order.push('prompt')
    return 'accepted'
  })
  render(<EventReminderControl eventId='talk' startAt={FUTURE} />)
  fireEvent.click(await screen.findByText('提醒我'))
  expect(await screen.findByText('🔔 已设置提醒：活动开始前一天通过微信服务通知提醒您（夜间不打扰）')).toBeTruthy()
  expect(order).toEqual(['reminder', 'prompt', 'remind'])
  fireEvent.click(screen.getByText('取消提醒'))
  expect(await screen.findByText('提醒我')).toBeTruthy()
  expect(callMock).toHaveBeenLastCalledWith('festival', 'cancelReminder', { eventId: 'talk' })
  expect(ask).toHaveBeenCalledTimes(1)
})

test('declined in WeChat: nothing is sent and it says how to allow it', async () => {
  ask.mockResolvedValue('declined')
  render(<EventReminderControl eventId='talk' startAt={FUTURE} />)
  fireEvent.click(await screen.findByText('提醒我'))
  expect((await screen.findByRole('alert')).textContent).toContain('在弹出的窗口中选择「允许」')
  expect(order).toEqual(['reminder'])
})

test('an event already started shows no 提醒我', async () => {
  render(<EventReminderControl eventId='talk' startAt='2020-01-01T09:00:00+08:00' />)
  await waitFor(() => expect(order).toEqual(['reminder']))
  expect(screen.queryByText('提醒我')).toBeNull()
})

describe('the weapp permission helper', () => {
  const g = globalThis as unknown as { REMINDER_TEMPLATE_ID?: string }
  afterEach(() => {
    delete g.REMINDER_TEMPLATE_ID
  })
  const weapp = () => jest.requireActual<typeof import('@/utils/subscribe-event')>('../../utils/subscribe-event.weapp')

  test('asks for the reminder template alone and reads its answer', async () => {
    g.REMINDER_TEMPLATE_ID = 'tpl-reminder'
    const spy = jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue({ errMsg: 'ok', 'tpl-reminder': 'reject' } as never)
    expect(await weapp().requestEventReminderPermission()).toBe('declined')
    expect(spy).toHaveBeenCalledWith({ tmplIds: ['tpl-reminder'], entityIds: [] })
    spy.mockResolvedValue({ errMsg: 'ok', 'tpl-reminder': 'accept' } as never)
    expect(await weapp().requestEventReminderPermission()).toBe('accepted')
  })

  test('without a template id it does not ask', async () => {
    g.REMINDER_TEMPLATE_ID = ''
    const spy = jest.spyOn(Taro, 'requestSubscribeMessage')
    expect(await weapp().requestEventReminderPermission()).toBe('unavailable')
    expect(spy).not.toHaveBeenCalled()
  })
})
