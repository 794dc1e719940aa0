// Event page: title, kind, China-time range, place, venue link, services; missing id; error + 重试.
import { fireEvent, render, screen } from '@testing-library/react'
import { fail, ok } from '@/contract'
import EventPage from '../event/index'
import { eventDetail } from './fixtures'
import { answer, callMock, setRouterParams, stubTaro } from './helpers'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
  setRouterParams({ id: 'banan-clinic' })
})

test('shows the event with its time in China time and its services as tags', async () => {
  answer(ok(eventDetail))
  render(<EventPage />)
  expect(await screen.findByText('专家义诊')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('festival', 'event', { eventId: 'banan-clinic' })
  expect(screen.getByText('义诊')).toBeTruthy()
  expect(screen.getByText('2022年6月25日 周六 10:30–12:00')).toBeTruthy()
  expect(screen.getByText('巴南区人民广场')).toBeTruthy()
  for (const service of ['两癌筛查', '儿童保健', '孕产保健咨询']) {
    expect(screen.getByText(service).className).toContain('tag')
  }
})

test('the venue link opens the sub-venue', async () => {
  answer(ok(eventDetail))
  render(<EventPage />)
  fireEvent.click(await screen.findByText('巴南分会场'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/venue/index?id=banan' })
})

test('no services section when the event has none', async () => {
  answer(ok({ ...eventDetail, event: { ...eventDetail.event, services: undefined } }))
  render(<EventPage />)
  await screen.findByText('专家义诊')
  expect(screen.queryByText('服务项目')).toBeNull()
})

test('without an id it says so and calls nothing', () => {
  setRouterParams({})
  render(<EventPage />)
  expect(screen.getByText('没有指定活动')).toBeTruthy()
  expect(callMock).not.toHaveBeenCalled()
})

test('shows the error message and reloads on 重试', async () => {
  answer(fail('NETWORK'), ok(eventDetail))
  render(<EventPage />)
  expect(await screen.findByText('网络连接失败，请检查网络后点击重试')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('专家义诊')).toBeTruthy()
})

test('a 义诊 event links to its sub-venue’s clinic slots; other kinds do not', async () => {
  answer(ok(eventDetail))
  const { unmount } = render(<EventPage />)
  fireEvent.click(await screen.findByText('报名本分会场义诊'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/clinic/slots/index?venueId=banan' })
  unmount()
  answer(ok({ ...eventDetail, event: { ...eventDetail.event, kind: 'lecture' } }))
  render(<EventPage />)
  await screen.findByText('专家义诊')
  expect(screen.queryByText('报名本分会场义诊')).toBeNull()
})
