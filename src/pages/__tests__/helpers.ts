// Shared set-up of the page tests: a controllable mock of the cloud-function client, spies on the
// Taro APIs pages call, the router's params, and a pull-down refresh trigger.
import Taro from '@tarojs/taro'
import { Current, getPageInstance } from '@tarojs/runtime'
import { act } from '@testing-library/react'
import type { Result } from '@/contract'
import { call } from '@/services/client'

type CallMock = jest.Mock<Promise<Result<unknown>>, [string, string, unknown]>

/** The mocked `call` (each test file does jest.mock('@/services/client')). */
export const callMock = call as unknown as CallMock

/** Answers the next calls with these results, in order. */
export function answer(...results: Result<unknown>[]): void {
  for (const result of results) callMock.mockResolvedValueOnce(result)
}

const done = { errMsg: 'ok' }

export function stubTaro() {
  return {
    navigateTo: jest.spyOn(Taro, 'navigateTo').mockResolvedValue(done),
    switchTab: jest.spyOn(Taro, 'switchTab').mockResolvedValue(done),
    showModal: jest.spyOn(Taro, 'showModal').mockResolvedValue({ ...done, confirm: false, cancel: true }),
    showToast: jest.spyOn(Taro, 'showToast').mockResolvedValue(done),
    setClipboardData: jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ ...done, data: '' }),
    setNavigationBarTitle: jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue(done),
    stopPullDownRefresh: jest.spyOn(Taro, 'stopPullDownRefresh').mockImplementation(() => undefined),
  }
}

export function setRouterParams(params: Record<string, string>): void {
  Current.router = { params, path: '/pages/test/index', $taroPath: '/pages/test/index', onReady: '', onHide: '', onShow: '' }
}

/** Runs the page's usePullDownRefresh handlers, as the framework does when the user pulls down. */
export async function pullDown(): Promise<void> {
  const page = getPageInstance('taro-app') as unknown as { onPullDownRefresh?: unknown } | undefined
  const handlers = page?.onPullDownRefresh
  const list = (Array.isArray(handlers) ? handlers : [handlers]).filter((h): h is () => void => typeof h === 'function')
  if (list.length === 0) throw new Error('no onPullDownRefresh handler registered')
  await act(async () => {
    list.forEach((handler) => handler())
  })
}
