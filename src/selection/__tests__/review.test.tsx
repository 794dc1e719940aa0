// 作品审核: approve sends one review call and the work leaves the queue; reject needs a reason first,
// then sends it; a refusal is shown in a modal.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail, ok } from '@/contract'
import SelectionReviewPage from '../review/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { card, pendingItem, photoSelection, route, typeInto } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
  setRouterParams({ sel: 'cq-2022-photo' })
})

const reviewCalls = () => callMock.mock.calls.filter(([, action]) => action === 'review').map(([, , input]) => input)
const queue = () => ok({ items: [pendingItem], nextCursor: null })

test('approve publishes the work and it leaves the queue', async () => {
  route({
    'selection.selections': () => ok([photoSelection]),
    'selection.reviewQueue': queue,
    'selection.review': () => ok({ workId: pendingItem._id, status: 'published', number: 8, auditId: 'a1' }),
  })
  render(<SelectionReviewPage />)
  expect(await screen.findByText('第一次游泳')).toBeTruthy()
  expect(screen.getByText('有儿童 · 监护人已同意')).toBeTruthy()
  expect(screen.getByText('文字检测通过 · 图片检测通过')).toBeTruthy()
  fireEvent.click(screen.getByText('通过'))
  expect(await screen.findByText('这里没有作品')).toBeTruthy()
  expect(reviewCalls()).toEqual([{ workId: 'w-pending-1', decision: 'approve' }])
  expect(callMock).toHaveBeenCalledWith('selection', 'reviewQueue', { selectionId: 'cq-2022-photo', status: 'pending' })
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过，编号 008 号' }))
})

test('reject asks for a reason, then sends it', async () => {
  route({
    'selection.selections': () => ok([photoSelection]),
    'selection.reviewQueue': queue,
    'selection.review': () => ok({ workId: pendingItem._id, status: 'rejected', number: null, auditId: 'a2' }),
  })
  render(<SelectionReviewPage />)
  fireEvent.click(await screen.findByText('驳回'))
  fireEvent.click(screen.getByText('确认驳回'))
  expect(await screen.findByText('请写明驳回理由（至少 2 个字），作者会看到')).toBeTruthy()
  expect(reviewCalls()).toHaveLength(0)
  await typeInto('驳回理由（作者会看到）', '照片不清晰，请换一张')
  fireEvent.click(screen.getByText('确认驳回'))
  await waitFor(() => expect(reviewCalls()).toEqual([{ workId: 'w-pending-1', decision: 'reject', reason: '照片不清晰，请换一张' }]))
  expect(await screen.findByText('这里没有作品')).toBeTruthy()
})

test('a refused decision is shown and the work stays', async () => {
  route({
    'selection.selections': () => ok([photoSelection]),
    'selection.reviewQueue': queue,
    'selection.review': () => fail('FORBIDDEN', '作品图片未通过微信内容安全检测，不能发布；请驳回并请作者更换图片'),
  })
  render(<SelectionReviewPage />)
  fireEvent.click(await screen.findByText('通过'))
  await waitFor(() => expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '作品图片未通过微信内容安全检测，不能发布；请驳回并请作者更换图片' })))
  expect(screen.getByText('第一次游泳')).toBeTruthy()
})

test('after 通过 the work is listed under 已发布 at once, without a reload', async () => {
  let published = false
  route({
    'selection.selections': () => ok([photoSelection]),
    'selection.reviewQueue': (input: unknown) => ok({ items: (input as { status: string }).status === 'pending' && !published ? [pendingItem] : [], nextCursor: null }),
    'selection.review': () => {
      published = true
      return ok({ workId: pendingItem._id, status: 'published', number: 8, auditId: 'a1' })
    },
    'selection.gallery': () => ok({ items: published ? [{ ...card(8, '第一次游泳'), _id: pendingItem._id }] : [], nextCursor: null }),
  })
  render(<SelectionReviewPage />)
  fireEvent.click(await screen.findByText('通过'))
  expect(await screen.findByText('这里没有作品')).toBeTruthy()
  fireEvent.click(screen.getByText('已发布'))
  expect(await screen.findByText('第一次游泳')).toBeTruthy()
})
