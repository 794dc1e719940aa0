// 我的作品: each work with its status; 撤回作品 only after the confirm modal (dismissing it sends nothing),
// the answer replaces the card, a refusal is spelled out, and a pull-down reload shows the list afresh.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail, ok } from '@/contract'
import type { MyWork } from '@/contract/selection-views'
import SelectionMinePage from '../mine/index'
import { callMock, pullDown, stubTaro } from '@/pages/__tests__/helpers'
import { photoSelection, route } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
})

const published: MyWork = {
  _id: 'w1', selectionId: 'cq-2022-photo', kind: 'photo', status: 'published', number: 7, title: '第一次抱抱',
  votes: 12, coverUrl: '', createdAt: '2022-06-20T10:00:00+08:00',
}
const rejected: MyWork = { ...published, _id: 'w2', status: 'rejected', number: null, title: '海边', votes: 0, reason: '照片过于模糊' }
const withdrawCalls = () => callMock.mock.calls.filter(([, action]) => action === 'withdraw')

test('withdraws only after the confirm modal, and the card shows 已撤回', async () => {
  route({
    'selection.myWorks': () => ok([published, rejected]),
    'selection.withdraw': () => ok({ ...published, status: 'withdrawn' as const }),
  })
  render(<SelectionMinePage />)
  expect(await screen.findByText('未通过原因：照片过于模糊')).toBeTruthy()
  expect(screen.getAllByText('撤回作品')).toHaveLength(1)
  await act(async () => fireEvent.click(screen.getByText('撤回作品')))
  expect(withdrawCalls()).toHaveLength(0)
  taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: true, cancel: false })
  await act(async () => fireEvent.click(screen.getByText('撤回作品')))
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回作品', confirmText: '确定撤回' }))
  await waitFor(() => expect(screen.getByText('已撤回')).toBeTruthy())
  expect(withdrawCalls()).toEqual([['selection', 'withdraw', { workId: 'w1' }]])
  expect(screen.queryByText('撤回作品')).toBeNull()
  expect(taro.showToast).toHaveBeenCalledWith({ title: '已撤回', icon: 'none' })
})

test('a refused withdraw is spelled out and the card stays; a pull-down reloads the list', async () => {
  let works = [published]
  route({
    'selection.myWorks': () => ok(works),
    'selection.withdraw': () => fail('CONFLICT', '结果公示期内不能撤回作品'),
  })
  render(<SelectionMinePage />)
  const button = await screen.findByText('撤回作品')
  taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: true, cancel: false })
  await act(async () => fireEvent.click(button))
  await waitFor(() => expect(taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({
    title: '撤回失败', content: '结果公示期内不能撤回作品',
  })))
  expect(screen.getByText('撤回作品')).toBeTruthy()
  works = [{ ...published, votes: 13 }]
  await pullDown()
  await waitFor(() => expect(screen.getByText('007 号 · 13 票')).toBeTruthy())
  expect(taro.stopPullDownRefresh).toHaveBeenCalled()
})

test('a rejected work of a selection still taking submissions offers 修改后重新提交 and lists its earlier rejections', async () => {
  const again: MyWork = {
    ...rejected, revisions: [{ title: '海边', reason: '请补充照片故事', rejectedAt: '2022-06-21T09:00:00+08:00', resubmittedAt: '2022-06-21T20:00:00+08:00' }],
  }
  route({ 'selection.myWorks': () => ok([again]), 'selection.selections': () => ok([photoSelection]) })
  render(<SelectionMinePage />)
  expect(await screen.findByText('第 1 次未通过（6月21日 09:00）：请补充照片故事；6月21日 20:00 修改后重新提交')).toBeTruthy()
  fireEvent.click(screen.getByText('修改后重新提交'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/selection/submit/index?sel=cq-2022-photo&redo=w2' })
})

test('after the submission deadline a rejected work says it can no longer be resubmitted', async () => {
  route({ 'selection.myWorks': () => ok([rejected]), 'selection.selections': () => ok([{ ...photoSelection, canSubmit: false }]) })
  render(<SelectionMinePage />)
  expect(await screen.findByText('征集已截止，不能再修改重新提交。')).toBeTruthy()
  expect(screen.queryByText('修改后重新提交')).toBeNull()
})
