// Home page: festival, strands and sub-venues from one festival.home call; empty, error + 重试, refresh.
import { fireEvent, render, screen } from '@testing-library/react'
import { fail, ok } from '@/contract'
import Home from '../index/index'
import { home } from './fixtures'
import { answer, callMock, pullDown, stubTaro } from './helpers'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
})

test('shows the festival, its bodies, strands and sub-venues after one call', async () => {
  answer(ok(home))
  render(<Home />)
  expect(screen.getByText('正在加载…')).toBeTruthy()
  expect(await screen.findByText('中国(重庆)2022妇幼健康公益文化节')).toBeTruthy()
  expect(screen.getByText('爱佑新生，心系妇幼')).toBeTruthy()
  expect(screen.getByText('2022年4月29日 至 12月31日')).toBeTruthy()
  expect(screen.getAllByText('进行中').length).toBeGreaterThan(0)
  expect(screen.getByText('市卫生健康委、市药监局、重庆日报')).toBeTruthy()
  expect(screen.getByText('巴南分会场')).toBeTruthy()
  expect(screen.getByText('巴南区妇幼保健院')).toBeTruthy()
  expect(callMock).toHaveBeenCalledTimes(1)
  expect(callMock).toHaveBeenCalledWith('festival', 'home', {})
})

test('a venue card opens the venue page', async () => {
  answer(ok(home))
  render(<Home />)
  fireEvent.click(await screen.findByText('巴南分会场'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/venue/index?id=banan' })
})

test('strands that are not live say 敬请期待 and do nothing; the clinic tile opens the clinic sign-up list', async () => {
  answer(ok(home))
  render(<Home />)
  expect(await screen.findAllByText('敬请期待')).toHaveLength(2)
  fireEvent.click(screen.getByText('幸福亲子照'))
  expect(taro.navigateTo).not.toHaveBeenCalled()
  expect(taro.switchTab).not.toHaveBeenCalled()
  fireEvent.click(screen.getByText('便民惠民义诊'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/clinic/slots/index' })
})

test('shows the empty state when no festival is published', async () => {
  answer(ok({ festival: null, venues: [] }))
  render(<Home />)
  expect(await screen.findByText('文化节还未发布')).toBeTruthy()
})

test('shows the error message and reloads on 重试', async () => {
  answer(fail('NETWORK'), ok(home))
  render(<Home />)
  expect(await screen.findByText('网络连接失败，请检查网络后点击重试')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('中国(重庆)2022妇幼健康公益文化节')).toBeTruthy()
  expect(callMock).toHaveBeenCalledTimes(2)
})

test('pull-down refresh reloads and stops the spinner, keeping the content meanwhile', async () => {
  answer(ok(home), ok({ ...home, venues: [] }))
  render(<Home />)
  await screen.findByText('巴南分会场')
  await pullDown()
  expect(callMock).toHaveBeenCalledTimes(2)
  expect(await screen.findByText('分会场信息即将公布。')).toBeTruthy()
  expect(taro.stopPullDownRefresh).toHaveBeenCalled()
})

test('往届回顾 opens the published editions', async () => {
  answer(ok(home))
  render(<Home />)
  fireEvent.click(await screen.findByText('往届回顾 ›'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/learn/editions/index' })
})
