// 作品详情: remaining votes from the server, one vote on a double tap, the counted vote reloads the page,
// the server's refusal message, and tapping a picture previews it.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fail, ok } from '@/contract'
import SelectionWorkPage from '../work/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { detail, route } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

beforeEach(() => {
  stubTaro()
  setRouterParams({ id: 'w7' })
})

const voteCalls = () => callMock.mock.calls.filter(([, action]) => action === 'vote')

test('shows the remaining votes; a double tap votes once and the page shows the new count', async () => {
  let votes = 3
  let release: () => void = () => undefined
  route({
    'selection.work': () => ok(detail(votes, votes === 3 ? 5 : 4, votes === 3 ? 1 : 0)),
    'selection.vote': () => new Promise((resolve) => { release = () => { votes = 4; resolve(ok({ workId: 'w7', status: 'counted' })) } }),
  })
  render(<SelectionWorkPage />)
  expect(await screen.findByText('今天还可投 5 票（共 5 票）')).toBeTruthy()
  expect(screen.getByText('007 号')).toBeTruthy()
  expect(screen.getByText('三代人一起给外婆过生日。')).toBeTruthy()
  const button = screen.getByText('投票')
  act(() => {
    button.click()
    button.click()
  })
  expect(await screen.findByText('正在投票…')).toBeTruthy()
  await act(async () => release())
  expect(await screen.findByText('❤ 4 票')).toBeTruthy()
  expect(screen.getByText('今天已为这件作品投过票，明天再来支持吧')).toBeTruthy()
  expect(voteCalls()).toHaveLength(1)
  expect(voteCalls()[0]?.[2]).toMatchObject({ selectionId: 'cq-2022-photo', workId: 'w7', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,48}$/) })
})

test('shows the server\'s refusal message', async () => {
  route({
    'selection.work': () => ok(detail(3, 2)),
    'selection.vote': () => fail('RATE_LIMITED', '今天的 5 票已经投完了，北京时间明天 0 点后可以继续投票'),
  })
  render(<SelectionWorkPage />)
  fireEvent.click(await screen.findByText('投票'))
  expect(await screen.findByText('今天的 5 票已经投完了，北京时间明天 0 点后可以继续投票')).toBeTruthy()
  expect(screen.getByText('❤ 3 票')).toBeTruthy()
})

test('a network failure retries with the same request id', async () => {
  route({ 'selection.work': () => ok(detail(3, 2)), 'selection.vote': () => fail('NETWORK') })
  render(<SelectionWorkPage />)
  fireEvent.click(await screen.findByText('投票'))
  await screen.findByText('网络连接失败，请检查网络后点击重试')
  fireEvent.click(screen.getByText('投票'))
  await waitFor(() => expect(voteCalls()).toHaveLength(2))
  expect(voteCalls()[1]?.[2]).toEqual(voteCalls()[0]?.[2])
})

test('tapping a picture previews all of them', async () => {
  const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'ok' })
  route({ 'selection.work': () => ok(detail(3, 2)) })
  render(<SelectionWorkPage />)
  await screen.findByText('轻点图片可查看大图')
  const img = document.querySelector('.selection-work__picture')
  if (!img) throw new Error('no picture')
  fireEvent.click(img)
  expect(preview).toHaveBeenCalledWith({ urls: ['https://tmp.example/w7.jpg', 'https://tmp.example/w7b.jpg'], current: 'https://tmp.example/w7.jpg' })
})

test('分享给好友 on h5 hands the work’s link to the share sheet where there is one, otherwise copies it', async () => {
  route({ 'selection.work': () => ok(detail(3, 5, 0)) })
  const share = jest.fn(async () => undefined)
  Object.assign(navigator, { share })
  render(<SelectionWorkPage />)
  fireEvent.click(await screen.findByText('分享给好友'))
  await waitFor(() => expect(share).toHaveBeenCalledWith(expect.objectContaining({
    title: '请为 007 号「外婆的生日」投一票', url: `${window.location.origin}${window.location.pathname}#/selection/work/index?id=w7`,
  })))
  Reflect.deleteProperty(navigator, 'share')
  const copy = jest.spyOn(Taro, 'setClipboardData')
  fireEvent.click(screen.getByText('分享给好友'))
  await waitFor(() => expect(copy).toHaveBeenCalledWith({ data: expect.stringContaining('#/selection/work/index?id=w7') }))
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '链接已复制，可粘贴发给好友', icon: 'none' })
})
