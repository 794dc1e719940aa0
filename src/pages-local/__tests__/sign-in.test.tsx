// Local demo sign-in (h5): identities by role from the gateway, sign in → back to 我的; empty; error + 重试.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ok, type Result } from '@/contract'
import { IDENTITY_CHANGED } from '@/utils/app-events'
import LocalSignIn from '../sign-in/index'

const identities = [
  { key: 'resident-wang', displayName: '王阿姨', role: 'resident' },
  { key: 'staff-banan', displayName: '巴南分会场工作人员', role: 'staff', venueName: '巴南分会场' },
  { key: 'organiser', displayName: '组委会李老师', role: 'organiser' },
  { key: 'expert-zhang', displayName: '张专家', role: 'expert' },
]

type Route = (init?: RequestInit) => Result<unknown> | Error

/** A stand-in for the local gateway: one handler per path; an Error means the request failed. */
function gateway(routes: Record<string, Route>) {
  const fetchMock = jest.fn(async (path: string, init?: RequestInit) => {
    const route = routes[path]
    const body = route ? route(init) : new Error(`unexpected ${path}`)
    if (body instanceof Error) throw body
    return { json: async () => body } as Response
  })
  global.fetch = fetchMock as unknown as typeof fetch
  return fetchMock
}

const done = { errMsg: 'ok' }
let switchTab: jest.SpyInstance
beforeEach(() => {
  switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue(done)
  jest.spyOn(Taro, 'showToast').mockResolvedValue(done)
  jest.spyOn(Taro, 'showModal').mockResolvedValue({ ...done, confirm: true, cancel: false })
})

test('marks demo mode and lists identities under their role labels', async () => {
  gateway({ '/api/local/identities': () => ok(identities), '/api/local/session': () => ok({ key: 'organiser', displayName: '组委会李老师', role: 'organiser' }) })
  render(<LocalSignIn />)
  expect(screen.getByText('本地演示模式')).toBeTruthy()
  expect(await screen.findByText('王阿姨')).toBeTruthy()
  for (const label of ['居民', '分会场工作人员', '组委会', '评审专家']) expect(screen.getAllByText(label).length).toBeGreaterThan(0)
  expect(screen.getByText('分会场工作人员 · 巴南分会场')).toBeTruthy()
  expect(screen.getByText('当前身份')).toBeTruthy()
  expect(screen.getByText('退出演示身份')).toBeTruthy()
})

test('tapping an identity signs in, announces the change and returns to 我的', async () => {
  const fetchMock = gateway({
    '/api/local/identities': () => ok(identities),
    '/api/local/session': () => ok(null),
    '/api/local/sign-in': () => ok({ displayName: '张专家', role: 'expert' }),
  })
  const changed = jest.fn()
  Taro.eventCenter.on(IDENTITY_CHANGED, changed)
  render(<LocalSignIn />)
  fireEvent.click(await screen.findByText('张专家'))
  await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }))
  expect(fetchMock).toHaveBeenCalledWith('/api/local/sign-in', expect.objectContaining({ method: 'POST', body: JSON.stringify({ key: 'expert-zhang' }) }))
  expect(changed).toHaveBeenCalled()
  Taro.eventCenter.off(IDENTITY_CHANGED, changed)
})

test('shows the empty state when there are no demo identities', async () => {
  gateway({ '/api/local/identities': () => ok([]), '/api/local/session': () => ok(null) })
  render(<LocalSignIn />)
  expect(await screen.findByText('没有可用的演示身份')).toBeTruthy()
})

test('a failed request shows the network message; 重试 loads again', async () => {
  let up = false
  gateway({
    '/api/local/identities': () => (up ? ok(identities) : new Error('offline')),
    '/api/local/session': () => ok(null),
  })
  render(<LocalSignIn />)
  expect(await screen.findByText('网络连接失败，请检查网络后点击重试')).toBeTruthy()
  up = true
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('王阿姨')).toBeTruthy()
})
