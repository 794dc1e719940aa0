// 结果公示: published case results per category (one tab per category), each entry with its figures and
// its own working, the formula, the notice period and how to object; before publication, when results
// come. The gallery and the ranking link to it only once results are out.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ok } from '@/contract'
import { chip } from '@/clinic/__tests__/fixtures'
import SelectionResultsPage from '../results/index'
import SelectionGalleryPage from '../gallery/index'
import SelectionRankingPage from '../ranking/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { card, photoSelection, route } from './fixtures'
import { casesPublished, photoJudging, resultsOf } from './organiser-fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
})

const resultCalls = () => callMock.mock.calls.filter(([, action]) => action === 'results').map(([, , input]) => input)

test('typical cases: one tab per category, entries with figures and working, the formula and the notice', async () => {
  setRouterParams({ sel: 'cq-2022-cases' })
  route({
    'selection.selections': () => ok([casesPublished]),
    'selection.results': (input) => ok(resultsOf((input as { category: string }).category)),
  })
  render(<SelectionResultsPage />)
  expect(await screen.findByText('004 号 全孕周期健康管理')).toBeTruthy()
  expect(document.querySelectorAll('.choice-chip')).toHaveLength(9)
  expect(chip('妇幼健康高质量发展典型案例').textContent).toBe('✓ 妇幼健康高质量发展典型案例')
  expect(screen.getByText('812 ÷ 1024 × 100 = 79.30；79.30 × 30% + 86.50 × 70% = 84.34')).toBeTruthy()
  expect(screen.getByText('812 票 · 网络投票得分 79.30 · 专家评分 86.50（5 位专家）')).toBeTruthy()
  expect(screen.getByText('84.34 分')).toBeTruthy()
  expect(screen.getByText('结果公示中')).toBeTruthy()
  expect(screen.getByText('公示期至 7月28日')).toBeTruthy()
  expect(screen.getByText(casesPublished.results?.formula ?? '-')).toBeTruthy()
  expect(screen.getByText(/请在公示期内向组委会实名反映/)).toBeTruthy()
  expect(resultCalls()).toEqual([{ selectionId: 'cq-2022-cases', category: 'development' }])

  fireEvent.click(chip('妇幼好医生'))
  expect(await screen.findByText('021 号 扎根乡镇三十年的儿科医生')).toBeTruthy()
  expect(screen.queryByText('004 号 全孕周期健康管理')).toBeNull()
  expect(screen.getByText('永川区妇幼保健院')).toBeTruthy()
  expect(resultCalls()).toEqual([{ selectionId: 'cq-2022-cases', category: 'development' }, { selectionId: 'cq-2022-cases', category: 'doctor' }])
})

test('before publication it says when the results come and asks for none', async () => {
  setRouterParams({ sel: 'cq-2022-photo' })
  route({ 'selection.selections': () => ok([photoSelection]) })
  const { unmount } = render(<SelectionResultsPage />)
  expect(await screen.findByText('评选结果尚未公布')).toBeTruthy()
  expect(screen.getByText('投票截至 7月20日。投票结束后，组委会将核对网络投票并发布结果，在这里公示 7 天。')).toBeTruthy()
  unmount()
  route({ 'selection.selections': () => ok([photoJudging]) })
  render(<SelectionResultsPage />)
  expect(await screen.findByText('投票已经结束，组委会正在核对网络投票，结果发布后将在这里公示 7 天。')).toBeTruthy()
  expect(resultCalls()).toHaveLength(0)
})

test('the gallery links to 结果公示 only once results are published', async () => {
  setRouterParams({ sel: 'cq-2022-photo' })
  let selection = photoSelection
  route({ 'selection.selections': () => ok([selection]), 'selection.gallery': () => ok({ items: [card(3, '第一次游泳', 12)], nextCursor: null }) })
  const { unmount } = render(<SelectionGalleryPage />)
  expect(await screen.findByText('第一次游泳')).toBeTruthy()
  expect(screen.queryByText('查看结果公示')).toBeNull()
  unmount()
  selection = { ...photoJudging, phase: 'notice', results: { publishedAt: '2022-07-21T10:00:00+08:00', noticeUntil: '2022-07-29T00:00:00+08:00', formula: '最终得分 = 网络投票得分' } }
  render(<SelectionGalleryPage />)
  fireEvent.click(await screen.findByText('查看结果公示'))
  await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/selection/results/index?sel=cq-2022-photo' }))
})

test('the ranking links to 结果公示 only once results are published', async () => {
  setRouterParams({ sel: 'cq-2022-cases' })
  let selection = casesPublished
  const rows = { items: [{ rank: 1, workId: 'c4', number: 4, title: '全孕周期健康管理', votes: 1024, coverUrl: '' }], nextCursor: null }
  route({ 'selection.selections': () => ok([selection]), 'selection.ranking': () => ok(rows) })
  const { unmount } = render(<SelectionRankingPage />)
  fireEvent.click(await screen.findByText('评选结果已公布，查看结果公示 ›'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/selection/results/index?sel=cq-2022-cases' })
  unmount()
  selection = { ...casesPublished, phase: 'voting', results: undefined }
  render(<SelectionRankingPage />)
  expect(await screen.findByText('全孕周期健康管理', { exact: false })).toBeTruthy()
  expect(screen.queryByText('评选结果已公布，查看结果公示 ›')).toBeNull()
})
