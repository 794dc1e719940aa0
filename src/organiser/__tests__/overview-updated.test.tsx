// 数据概览 says how fresh the clinic figures are: 义诊数据更新于 HH:mm from the figures timer's cutoff,
// how far a catch-up of the timer has come while one is under way, and nothing before the timer's first run.
import { render, screen } from '@testing-library/react'
import { ok, type Overview } from '@/contract'
import OverviewPage from '../overview/index'
import { setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { route, venuesAnswer } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('@qiun/ucharts', () => ({ __esModule: true, default: jest.fn() }))

const overview = (figuresAt: string | null, figuresCatchUp: Overview['figuresCatchUp'] = null): Overview => ({
  festivalId: 'cq-2022', venueId: null, figuresAt, figuresCatchUp,
  charts: [{ key: 'signupsPerDay', title: '每日义诊报名', series: ['报名'], rows: [] }],
})

beforeEach(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as unknown as CanvasRenderingContext2D)
  stubTaro()
  setRouterParams({ festivalId: 'cq-2022' })
})

test.each([
  ['2022-06-27T09:58:00+08:00', '义诊数据更新于 09:58（每 5 分钟更新）'],
  [null, null],
])('figures up to %s', async (figuresAt, said) => {
  route({
    'account.whoami': () => ok({ role: 'organiser', displayName: '赵老师' }),
    'festival.venues': () => venuesAnswer,
    'content.overview': () => ok(overview(figuresAt)),
  })
  render(<OverviewPage />)
  expect(await screen.findByText('每日义诊报名')).toBeTruthy()
  if (said) expect(screen.getByText(said)).toBeTruthy()
  else expect(screen.queryByText(/数据更新于/)).toBeNull()
})

test.each([
  ['2022-06-27T09:58:00+08:00', { done: 40, total: 120 }],
  [null, { done: 0, total: 3 }],
])('figures up to %s while a catch-up is under way', async (figuresAt, catchUp) => {
  route({
    'account.whoami': () => ok({ role: 'organiser', displayName: '赵老师' }),
    'festival.venues': () => venuesAnswer,
    'content.overview': () => ok(overview(figuresAt, catchUp)),
  })
  render(<OverviewPage />)
  expect(await screen.findByText('每日义诊报名')).toBeTruthy()
  expect(screen.getByText(`义诊数据正在更新（已完成 ${catchUp.done} / ${catchUp.total} 个场次）`)).toBeTruthy()
  expect(screen.queryByText(/数据更新于/)).toBeNull()
})
