// Sub-venue list: cards with host, district, place, dates and phase; empty; error + 重试.
import { fireEvent, render, screen } from '@testing-library/react'
import { fail, ok } from '@/contract'
import Venues from '../venues/index'
import { venues } from './fixtures'
import { answer, callMock, stubTaro } from './helpers'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
})

test('lists every sub-venue with its facts and phase', async () => {
  answer(ok(venues))
  render(<Venues />)
  expect(await screen.findByText('巴南分会场')).toBeTruthy()
  expect(screen.getByText('永川分会场')).toBeTruthy()
  expect(screen.getByText('巴南区妇幼保健院')).toBeTruthy()
  expect(screen.getByText('📍 巴南区 · 巴南区人民广场')).toBeTruthy()
  expect(screen.getByText('📅 2022年6月25日 至 12月31日')).toBeTruthy()
  expect(screen.getByText('📅 2022年5月20日')).toBeTruthy()
  expect(screen.getByText('主题：关注全孕周期，关爱妇幼健康')).toBeTruthy()
  expect(screen.getByText('进行中')).toBeTruthy()
  expect(screen.getByText('即将开始')).toBeTruthy()
  expect(screen.getByText('已结束')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('festival', 'venues', {})
  fireEvent.click(screen.getByText('永川分会场'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/venue/index?id=yongchuan' })
})

test('shows the empty state when there are no sub-venues', async () => {
  answer(ok([]))
  render(<Venues />)
  expect(await screen.findByText('暂无分会场')).toBeTruthy()
})

test('shows the error message and reloads on 重试', async () => {
  answer(fail('INTERNAL'), ok(venues))
  render(<Venues />)
  expect(await screen.findByText('服务暂时出现问题，请稍后重试')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('巴南分会场')).toBeTruthy()
  expect(callMock).toHaveBeenCalledTimes(2)
})
