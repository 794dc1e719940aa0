// 我的: identity and role label from account.whoami, the h5 demo sign-in entry, reload on identity change,
// and 我的活动提醒 with 取消提醒.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { fail, ok, type EventReminder, type Result } from '@/contract'
import MePage from '../me/index'
import { notifyIdentityChanged } from '@/utils/app-events'
import { callMock, stubTaro } from './helpers'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
let reminders: EventReminder[] = []
beforeEach(() => {
  taro = stubTaro()
  reminders = []
})

/** account.whoami answers these in order; festival.myReminders answers `reminders`. */
function answer(...results: Result<unknown>[]): void {
  callMock.mockImplementation(async (fn, action, input) => {
    if (fn === 'festival' && action === 'myReminders') return ok(reminders)
    if (fn === 'festival' && action === 'cancelReminder') {
      const found = reminders.find((r) => r.eventId === (input as { eventId: string }).eventId)
      return found ? ok({ ...found, state: 'cancelled' }) : fail('NOT_FOUND')
    }
    if (fn === 'account' && action === 'whoami') return results.shift() ?? fail('INTERNAL')
    throw new Error(`unexpected call ${fn}.${action}`)
  })
}
const whoamiCalls = () => callMock.mock.calls.filter(([fn, action]) => fn === 'account' && action === 'whoami').length

test('shows the current identity with its role label', async () => {
  answer(ok({ role: 'resident', displayName: '王阿姨' }))
  render(<MePage />)
  expect(await screen.findByText('王阿姨')).toBeTruthy()
  expect(screen.getByText('居民')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('account', 'whoami', {})
})

test('staff see a link to their sub-venue', async () => {
  answer(ok({ role: 'staff', venueId: 'banan', displayName: '巴南工作人员' }))
  render(<MePage />)
  fireEvent.click(await screen.findByText('我负责的分会场'))
  expect(screen.getByText('分会场工作人员')).toBeTruthy()
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/venue/index?id=banan' })
})

test('on h5 it offers the local demo sign-in page', async () => {
  answer(ok({ role: 'resident' }))
  render(<MePage />)
  expect(await screen.findByText('微信用户')).toBeTruthy()
  fireEvent.click(screen.getByText('切换演示身份'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-local/sign-in/index' })
})

test('reloads when the identity changes (demo sign-in elsewhere)', async () => {
  answer(ok({ role: 'resident' }), ok({ role: 'organiser', displayName: '组委会李老师' }))
  render(<MePage />)
  await screen.findByText('微信用户')
  expect(whoamiCalls()).toBe(1)
  act(() => notifyIdentityChanged())
  expect(await screen.findByText('组委会李老师')).toBeTruthy()
  expect(screen.getByText('组委会')).toBeTruthy()
})

test('shows the error message and reloads on 重试', async () => {
  answer(fail('NETWORK'), ok({ role: 'expert', displayName: '张专家' }))
  render(<MePage />)
  expect(await screen.findByText('网络连接失败，请检查网络后点击重试')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('评审专家')).toBeTruthy()
})

const talk: EventReminder = {
  _id: 'banan-lecture-abc', eventId: 'banan-lecture', venueId: 'banan', title: '孕期营养讲座', place: '巴南区妇幼保健院',
  startAt: '2022-06-27T15:00:00+08:00', state: 'on', createdAt: '2022-06-25T10:00:00+08:00',
}

test('我的活动提醒 lists my reminders; tapping one opens its event; 取消提醒 asks first, then cancels', async () => {
  reminders = [talk, { ...talk, _id: 'x', eventId: 'banan-opening', title: '开幕式', state: 'sent', remindedAt: '2022-06-24T09:00:00+08:00' }]
  answer(ok({ role: 'resident' }))
  render(<MePage />)
  expect(await screen.findByText('孕期营养讲座')).toBeTruthy()
  expect(screen.getAllByText('6月27日 15:00 · 巴南区妇幼保健院')).toHaveLength(2)
  expect(screen.getByText('已提醒')).toBeTruthy()
  expect(screen.getAllByText('取消提醒')).toHaveLength(1)
  fireEvent.click(screen.getByText('孕期营养讲座'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/event/index?id=banan-lecture' })
  taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: true, cancel: false })
  fireEvent.click(screen.getByText('取消提醒'))
  expect(await screen.findByText('已取消')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('festival', 'cancelReminder', { eventId: 'banan-lecture' })
  expect(screen.queryAllByText('取消提醒').filter((n) => n.className.includes('action-button'))).toHaveLength(0)
})

test('without reminders it says how to set one', async () => {
  answer(ok({ role: 'resident' }))
  render(<MePage />)
  expect(await screen.findByText('在活动页点「提醒我」，活动开始前一天会提醒您。')).toBeTruthy()
})
