// Sub-venue page: facts, map button, programme grouped by China day; missing id; empty; error + 重试.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { fail, ok } from '@/contract'
import VenuePage from '../venue/index'
import { venueDetail } from './fixtures'
import { answer, callMock, setRouterParams, stubTaro } from './helpers'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
  setRouterParams({ id: 'banan' })
})

function dayOf(text: string): HTMLElement {
  const day = screen.getByText(text).closest('.timeline-day')
  if (!(day instanceof HTMLElement)) throw new Error(`no day group around ${text}`)
  return day
}

test('shows the venue and its programme by China day', async () => {
  answer(ok(venueDetail))
  render(<VenuePage />)
  expect(await screen.findByText('6月25日 周六')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('festival', 'venue', { venueId: 'banan' })
  expect(screen.getByText('巴南区卫生健康委')).toBeTruthy()
  expect(screen.getByText('重庆市巴南区鱼洞街道人民广场')).toBeTruthy()
  const first = dayOf('6月25日 周六')
  expect(within(first).getByText('09:00–09:40')).toBeTruthy()
  expect(within(first).getByText('开幕仪式')).toBeTruthy()
  expect(within(first).getByText('08:00 起，至7月2日')).toBeTruthy()
  const second = dayOf('6月26日 周日')
  expect(within(second).getByText('07:30')).toBeTruthy()
  expect(within(second).getByText('晨练健康指导')).toBeTruthy()
  expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '巴南分会场' })
})

test('a programme item opens the event page', async () => {
  answer(ok(venueDetail))
  render(<VenuePage />)
  fireEvent.click(await screen.findByText('巴南分会场开幕式'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/event/index?id=banan-opening' })
})

test('查看地图/导航 shows the address (h5)', async () => {
  answer(ok(venueDetail))
  render(<VenuePage />)
  fireEvent.click(await screen.findByText('查看地图/导航'))
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '重庆市巴南区鱼洞街道人民广场' }))
})

test('says so when the programme is not published yet', async () => {
  answer(ok({ ...venueDetail, events: [] }))
  render(<VenuePage />)
  expect(await screen.findByText('日程即将公布')).toBeTruthy()
})

test('without an id it offers the venue list and calls nothing', () => {
  setRouterParams({})
  render(<VenuePage />)
  expect(screen.getByText('没有指定分会场')).toBeTruthy()
  expect(callMock).not.toHaveBeenCalled()
})

test('shows the error message and reloads on 重试', async () => {
  answer(fail('NOT_FOUND', '没有找到这个分会场，请返回分会场列表重新选择'), ok(venueDetail))
  render(<VenuePage />)
  expect(await screen.findByText('没有找到这个分会场，请返回分会场列表重新选择')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('6月25日 周六')).toBeTruthy()
  expect(callMock).toHaveBeenCalledTimes(2)
})

test('本分会场义诊报名 opens the clinic slots filtered to this venue', async () => {
  answer(ok(venueDetail))
  render(<VenuePage />)
  fireEvent.click(await screen.findByText('本分会场义诊报名 ›'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/clinic/slots/index?venueId=banan' })
})

test('coming events come first; ended ones are folded under 已结束的活动 until opened', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2022-06-26T06:00:00+08:00'))
  answer(ok(venueDetail))
  render(<VenuePage />)
  expect(await screen.findByText('晨练健康指导')).toBeTruthy()
  expect(screen.getByText('妇幼便民惠民活动周')).toBeTruthy()
  expect(screen.queryByText('巴南分会场开幕式')).toBeNull()
  fireEvent.click(screen.getByText('已结束的活动（2）'))
  expect(screen.getByText('巴南分会场开幕式')).toBeTruthy()
  expect(screen.getByText('专家义诊')).toBeTruthy()
})
