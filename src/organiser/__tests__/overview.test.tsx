// 数据概览: each chart on its canvas and, under 查看表格, as a table of the same figures; organisers
// narrow to one venue (the server is asked for it); staff get no venue choice.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ok, type Overview } from '@/contract'
import OverviewPage from '../overview/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { route, venuesAnswer } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('@qiun/ucharts', () => ({ __esModule: true, default: jest.fn() }))

const overview = (venueId: string | null): Overview => ({
  festivalId: 'cq-2022', venueId,
  charts: [
    { key: 'attendancePerSlot', title: '各场次签到与未到', series: ['签到', '未到'], rows: [{ label: '06-26 09:00 两癌筛查', values: [8, 2] }] },
    { key: 'lectureViews', title: '科普讲座观看', series: ['观看人次'], rows: [], ...(venueId ? { note: '作品、投票和讲座属于整个文化节，不按分会场统计' } : {}) },
  ],
})
const asked = () => callMock.mock.calls.filter(([, a]) => a === 'overview').map(([, , input]) => input)

beforeEach(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as unknown as CanvasRenderingContext2D)
  stubTaro()
  setRouterParams({ festivalId: 'cq-2022' })
})

test('a canvas per chart with figures, the same figures as a table, and one venue on request', async () => {
  route({
    'account.whoami': () => ok({ role: 'organiser', displayName: '赵老师' }),
    'festival.venues': () => venuesAnswer,
    'content.overview': (input) => ok(overview((input as { venueId?: string }).venueId ?? null)),
  })
  const { container } = render(<OverviewPage />)
  expect(await screen.findByText('各场次签到与未到')).toBeTruthy()
  expect([...container.querySelectorAll('canvas')].map((c) => c.id)).toEqual(['overview-chart-attendancePerSlot'])
  expect(screen.getByText('暂无数据')).toBeTruthy()
  fireEvent.click(screen.getAllByText('查看表格')[0] as HTMLElement)
  const cells = [...container.querySelectorAll('[role="cell"]')].map((c) => c.textContent)
  expect(cells).toEqual(['06-26 09:00 两癌筛查', '8', '2'])
  fireEvent.click(screen.getByText('巴南分会场'))
  expect(await screen.findByText('作品、投票和讲座属于整个文化节，不按分会场统计')).toBeTruthy()
  await waitFor(() => expect(asked()).toEqual([{ festivalId: 'cq-2022' }, { festivalId: 'cq-2022', venueId: 'banan' }]))
})

test('staff see their venue without a choice', async () => {
  route({
    'account.whoami': () => ok({ role: 'staff', venueId: 'banan', displayName: '陈护士' }),
    'festival.venues': () => venuesAnswer,
    'content.overview': () => ok(overview('banan')),
  })
  render(<OverviewPage />)
  expect(await screen.findByText('各场次签到与未到')).toBeTruthy()
  expect(screen.queryByText('全部分会场')).toBeNull()
  expect(asked()).toEqual([{ festivalId: 'cq-2022', venueId: 'banan' }])
})
