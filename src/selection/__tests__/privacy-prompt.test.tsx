// The weapp privacy prompt (its own file, as the weapp build uses it): it registers WeChat's
// onNeedPrivacyAuthorization listener, shows the overlay only when WeChat asks, links the privacy
// contract, and answers the held chooseMedia call with 拒绝 (disagree) or 同意 (agree with its button id).
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { PrivacyPrompt } from '../components/privacy-prompt/privacy-prompt.weapp'
import { stubTaro } from '@/pages/__tests__/helpers'

type Listener = (resolve: jest.Mock, info: { referrer: string }) => void
let listeners: Listener[]
let openContract: jest.Mock
let taro: ReturnType<typeof stubTaro>

beforeEach(() => {
  taro = stubTaro()
  listeners = []
  openContract = jest.fn()
  Object.assign(Taro, { onNeedPrivacyAuthorization: (l: Listener) => listeners.push(l), openPrivacyContract: openContract })
})

function weChatAsks(): jest.Mock {
  const resolve = jest.fn()
  const listener = listeners[listeners.length - 1]
  if (!listener) throw new Error('no privacy listener registered')
  act(() => listener(resolve, { referrer: 'chooseMedia' }))
  return resolve
}

test('shows nothing until WeChat asks; 拒绝 lets the held call fail and says why', async () => {
  render(<PrivacyPrompt />)
  expect(listeners.length).toBeGreaterThan(0)
  expect(screen.queryByText('用户隐私保护提示')).toBeNull()
  const resolve = weChatAsks()
  expect(await screen.findByText('用户隐私保护提示')).toBeTruthy()
  expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
  fireEvent.click(screen.getByText('《小程序隐私保护指引》'))
  expect(openContract).toHaveBeenCalledTimes(1)
  fireEvent.click(screen.getByText('拒绝'))
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
  expect(screen.queryByText('用户隐私保护提示')).toBeNull()
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未同意隐私保护指引，暂时不能选择照片或视频' }))
})

test('同意 is the agreePrivacyAuthorization button, and its event answers agree with its id', async () => {
  render(<PrivacyPrompt />)
  const resolve = weChatAsks()
  const agree = (await screen.findByText('同意')).closest('taro-button-core') as HTMLElement
  expect(agree.getAttribute('id')).toBe('privacy-agree')
  expect(agree.getAttribute('open-type') ?? agree.getAttribute('opentype')).toBe('agreePrivacyAuthorization')
  act(() => {
    agree.dispatchEvent(new Event('agreeprivacyauthorization'))
  })
  expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
  expect(screen.queryByText('用户隐私保护提示')).toBeNull()
})
