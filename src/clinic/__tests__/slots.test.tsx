// 义诊报名 list: statuses and places left, filter by sub-venue, 加载更多 appends page 2, error + 重试.
import { fireEvent, render, screen } from '@testing-library/react'
import { fail, ok } from '@/contract'
import ClinicSlotsPage from '../slots/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { chip, closedSlot, fullSlot, openSlot, route, venuesAnswer } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
  setRouterParams({})
})

const slotCalls = () => callMock.mock.calls.filter(([fn, action]) => fn === 'clinic' && action === 'slots').map(([, , input]) => input)

test('shows each slot with its status, time, place, services and places left', async () => {
  route({ 'festival.venues': () => venuesAnswer, 'clinic.slots': () => ok({ items: [openSlot, fullSlot, closedSlot], page: 1, hasMore: false }) })
  render(<ClinicSlotsPage />)
  expect(await screen.findByText('剩余 12 个名额（共 30 个）')).toBeTruthy()
  expect(screen.getByText('可报名')).toBeTruthy()
  expect(screen.getByText('已约满 · 可候补')).toBeTruthy()
  expect(screen.getByText('名额已满，可报名候补（3 人候补中）')).toBeTruthy()
  expect(screen.getAllByText('报名已截止')).toHaveLength(2)
  expect(screen.getByText('📅 2022年6月25日 周六 09:00–11:30')).toBeTruthy()
  expect(screen.getAllByText('📍 巴南分会场 · 巴南区人民广场 2 号帐篷')).toHaveLength(2)
  expect(screen.getAllByText('两癌筛查').length).toBeGreaterThan(0)
  expect(screen.getByText('面向：儿童')).toBeTruthy()
  expect(screen.getByText('已经到底了')).toBeTruthy()
  expect(slotCalls()).toEqual([{}])
})

test('a slot opens its sign-up page', async () => {
  route({ 'festival.venues': () => venuesAnswer, 'clinic.slots': () => ok({ items: [openSlot], page: 1, hasMore: false }) })
  render(<ClinicSlotsPage />)
  fireEvent.click(await screen.findByText('两癌筛查专场'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/clinic/slot/index?id=banan-0625am' })
})

test('folded filters unfold; filters by sub-venue and by service', async () => {
  route({ 'festival.venues': () => venuesAnswer, 'clinic.slots': () => ok({ items: [openSlot, fullSlot], page: 1, hasMore: false }) })
  render(<ClinicSlotsPage />)
  await screen.findByText('剩余 12 个名额（共 30 个）')
  expect(screen.getByText('全部分会场 · 不限日期 · 全部服务')).toBeTruthy()
  expect(document.querySelector('.choice-chip')).toBeNull()
  fireEvent.click(screen.getByText('筛选 ▾'))
  fireEvent.click(chip('永川分会场'))
  await screen.findByText('✓ 永川分会场')
  fireEvent.click(chip('视力筛查'))
  await screen.findByText('✓ 视力筛查')
  expect(slotCalls()).toEqual([{}, { venueId: 'yongchuan' }, { venueId: 'yongchuan', service: '视力筛查' }])
  expect(screen.getByText('永川分会场 · 不限日期 · 视力筛查')).toBeTruthy()
})

test('加载更多 appends the next page', async () => {
  route({
    'festival.venues': () => venuesAnswer,
    'clinic.slots': (input) => ((input as { page?: number }).page === 2
      ? ok({ items: [closedSlot], page: 2, hasMore: false })
      : ok({ items: [openSlot], page: 1, hasMore: true })),
  })
  render(<ClinicSlotsPage />)
  fireEvent.click(await screen.findByText('加载更多'))
  expect(await screen.findByText('孕产保健专场')).toBeTruthy()
  expect(screen.getByText('两癌筛查专场')).toBeTruthy()
  expect(slotCalls()).toEqual([{}, { page: 2 }])
})

test('says so when nothing matches, and shows the error with 重试', async () => {
  let answers = 0
  route({
    'festival.venues': () => fail('NETWORK'),
    'clinic.slots': () => (answers++ === 0 ? fail('NETWORK') : ok({ items: [], page: 1, hasMore: false })),
  })
  render(<ClinicSlotsPage />)
  fireEvent.click(await screen.findByText('重试'))
  expect(await screen.findByText('暂无义诊场次')).toBeTruthy()
})

test('opened from a sub-venue (?venueId=), the list asks for that venue’s slots and names it in the filter bar', async () => {
  setRouterParams({ venueId: 'banan' })
  route({ 'festival.venues': () => venuesAnswer, 'clinic.slots': () => ok({ items: [openSlot], page: 1, hasMore: false }) })
  render(<ClinicSlotsPage />)
  await screen.findByText('剩余 12 个名额（共 30 个）')
  expect(slotCalls()).toEqual([{ venueId: 'banan' }])
  expect(await screen.findByText('巴南分会场 · 不限日期 · 全部服务')).toBeTruthy()
})
