// 评选管理: the two weights always add up to 100 and the formula follows them, saving sends them; 发布结果
// asks first (nothing is sent when declined), then publishes with the notice days and shows the outcome;
// it stays off while voting runs. The links and 我的's per-selection entries open the organiser pages.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail, ok } from '@/contract'
import { StaffEntry } from '@/components/staff-entry'
import SelectionManagePage from '../manage/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { field, photoSelection, route, typeInto } from './fixtures'
import { casesSelection, photoJudging } from './organiser-fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
})

const organiser = { role: 'organiser' as const, displayName: '组委会 王老师' }

const callsOf = (name: string) => callMock.mock.calls.filter(([, action]) => action === name).map(([, , input]) => input)

test('the weights stay at 100 in sum, the formula follows them, and saving sends them', async () => {
  setRouterParams({ kind: 'cases' })
  route({ 'account.whoami': () => ok(organiser), 'selection.selections': () => ok([photoSelection, casesSelection]), 'selection.setWeights': () => ok({ auditId: 'a1' }) })
  render(<SelectionManagePage />)
  expect(await screen.findByText('最终得分 = 网络投票得分 × 30% + 专家评分 × 70%')).toBeTruthy()
  await typeInto('网络投票权重', '40')
  expect((await field('专家评分权重')).value).toBe('60')
  expect(screen.getByText('最终得分 = 网络投票得分 × 40% + 专家评分 × 60%')).toBeTruthy()
  await typeInto('专家评分权重', '75')
  expect((await field('网络投票权重')).value).toBe('25')
  await typeInto('专家评分权重', '120')
  expect(screen.getAllByText('请填写 0 到 100 的整数，两项之和为 100').length).toBeGreaterThan(0)
  fireEvent.click(screen.getByText('保存权重'))
  expect(callsOf('setWeights')).toHaveLength(0)
  await typeInto('专家评分权重', '75')
  fireEvent.click(screen.getByText('保存权重'))
  await waitFor(() => expect(callsOf('setWeights')).toEqual([{ selectionId: 'cq-2022-cases', vote: 25, expert: 75 }]))
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '权重已保存' }))
})

test('a refused save shows the server message under the weights', async () => {
  setRouterParams({ sel: 'cq-2022-cases' })
  route({ 'account.whoami': () => ok(organiser), 'selection.selections': () => ok([casesSelection]), 'selection.setWeights': () => fail('FORBIDDEN', '结果已经公布，不能再修改权重') })
  render(<SelectionManagePage />)
  fireEvent.click(await screen.findByText('保存权重'))
  expect(await screen.findByText('结果已经公布，不能再修改权重')).toBeTruthy()
})

test('publishing asks first, then sends the notice days and shows the outcome', async () => {
  setRouterParams({ sel: 'cq-2022-photo' })
  let selection = photoJudging
  route({
    'account.whoami': () => ok(organiser),
    'selection.selections': () => ok([selection]),
    'selection.publishResults': () => {
      selection = { ...photoJudging, phase: 'notice', results: { publishedAt: '2022-07-21T10:00:00+08:00', noticeUntil: '2022-07-27T00:00:00+08:00', formula: '最终得分 = 网络投票得分' } }
      return ok({ selectionId: 'cq-2022-photo', publishedAt: '2022-07-21T10:00:00+08:00', noticeUntil: '2022-07-27T00:00:00+08:00', formula: '最终得分 = 网络投票得分', works: 12, recounted: 1, auditId: 'a2' })
    },
  })
  render(<SelectionManagePage />)
  await typeInto('公示天数', '5')
  fireEvent.click(screen.getByText('发布结果', { selector: '.action-button' }))
  await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1))
  expect(taro.showModal.mock.calls[0]?.[0]).toMatchObject({ title: '确认发布结果', content: expect.stringContaining('最终得分 = 网络投票得分 × 100% + 专家评分 × 0%」计算全部已发布作品的最终得分并公布名次，公示 5 天') })
  expect(callsOf('publishResults')).toHaveLength(0)

  taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: true, cancel: false })
  fireEvent.click(screen.getByText('发布结果', { selector: '.action-button' }))
  expect(await screen.findByText('共 12 件作品参与排名，其中 1 件的票数已按投票记录重新核对。')).toBeTruthy()
  expect(callsOf('publishResults')).toEqual([{ selectionId: 'cq-2022-photo', noticeDays: 5 }])
  expect(screen.getByText('公示期至 7月26日')).toBeTruthy()
  fireEvent.click(screen.getByText('查看结果公示'))
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/selection/results/index?sel=cq-2022-photo' })
})

test('while voting runs publishing stays off; the links open review, watch and results', async () => {
  setRouterParams({ sel: 'cq-2022-photo' })
  route({ 'account.whoami': () => ok(organiser), 'selection.selections': () => ok([photoSelection]) })
  render(<SelectionManagePage />)
  expect(await screen.findByText('投票 7月21日 00:00 结束后才能发布结果。')).toBeTruthy()
  fireEvent.click(screen.getByText('发布结果', { selector: '.action-button' }))
  expect(taro.showModal).not.toHaveBeenCalled()
  expect(screen.getByText('本评选没有专家评分环节：最终得分 = 网络投票得分（票数 ÷ 最高票数 × 100）。')).toBeTruthy()
  expect(screen.queryByText('评分权重')).toBeNull()
  for (const label of ['作品审核', '投票监控', '结果公示']) fireEvent.click(screen.getByText(label))
  expect(taro.navigateTo.mock.calls.map(([arg]) => arg)).toEqual([
    { url: '/selection/review/index?sel=cq-2022-photo' }, { url: '/selection/watch/index?sel=cq-2022-photo' }, { url: '/selection/results/index?sel=cq-2022-photo' },
  ])
})

test('我的 gives organisers one 评选管理 entry per selection kind', () => {
  render(<StaffEntry me={{ role: 'organiser' }} />)
  for (const label of ['亲子照', '短视频', '典型案例']) fireEvent.click(screen.getByText(label))
  expect(taro.navigateTo.mock.calls.map(([arg]) => arg)).toEqual([
    { url: '/selection/manage/index?kind=photo' }, { url: '/selection/manage/index?kind=video' }, { url: '/selection/manage/index?kind=cases' },
  ])
})

test('residents, staff and experts opening 评选管理 by link are told it is for organisers, and see no form', async () => {
  setRouterParams({ kind: 'photo' })
  route({ 'account.whoami': () => ok({ role: 'resident' as const }), 'selection.selections': () => ok([photoSelection]) })
  render(<SelectionManagePage />)
  expect(await screen.findByText('此功能仅限文化节组委会使用')).toBeTruthy()
  expect(screen.queryByText('评分权重')).toBeNull()
  expect(screen.queryByText('发布结果')).toBeNull()
})

test('on h5, changing only the query of the address (?kind=photo → ?kind=cases) shows and saves the new selection', async () => {
  setRouterParams({ kind: 'photo' })
  window.location.hash = '#/pages/test/index?kind=photo'
  route({ 'account.whoami': () => ok(organiser), 'selection.selections': () => ok([photoSelection, casesSelection]), 'selection.setWeights': () => ok({ auditId: 'a1' }) })
  render(<SelectionManagePage />)
  expect(await screen.findByText('「幸福亲子照」有奖征集点赞')).toBeTruthy()
  window.location.hash = '#/pages/test/index?kind=cases'
  expect(await screen.findByText('妇幼健康高质量发展典型案例征集评选')).toBeTruthy()
  expect(screen.queryByText('「幸福亲子照」有奖征集点赞')).toBeNull()
  await typeInto('网络投票权重', '40')
  fireEvent.click(screen.getByText('保存权重'))
  await waitFor(() => expect(callsOf('setWeights')).toEqual([{ selectionId: 'cq-2022-cases', vote: 40, expert: 60 }]))
})
