// 我的: identity and role label from account.whoami, the h5 demo sign-in entry, reload on identity change.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { fail, ok } from '@/contract'
import MePage from '../me/index'
import { notifyIdentityChanged } from '@/utils/app-events'
import { answer, callMock, stubTaro } from './helpers'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
})

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
  expect(callMock).toHaveBeenCalledTimes(1)
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
