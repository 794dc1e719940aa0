// Fakes of WeChat's system and interface APIs: device and window info, storage, navigation (through the
// page stack), toasts, loading, modals (answered by the test: confirm / cancel), the navigation bar,
// pull-down refresh, clipboard and vibration.
import type { PageStack } from './pages'
import type { SystemUI } from './ui'
import type { VNode } from './view'
import { answer, ok, refuse, type ApiOption, type Outcome, type WxFakes, type WxHost } from './wx-api'

export interface FakeContext {
  host: WxHost
  ui: SystemUI
  pages: PageStack
  /** The rendered tree of the page on top (re-rendered when its data changed). */
  tree(): VNode | undefined
}

const windowInfo = { pixelRatio: 3, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 724, statusBarHeight: 44, safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 }, screenTop: 0 }
const deviceInfo = { brand: 'devtools', model: 'iPhone X', system: 'iOS 16.0', platform: 'ios', benchmarkLevel: 1 }
const baseInfo = { SDKVersion: '3.3.4', language: 'zh_CN', version: '8.0.40', theme: 'light', enableDebug: false, host: { env: 'WeChat' } }

export function uiFakes(c: FakeContext): WxFakes {
  const { host, ui, pages } = c
  const storage = new Map<string, string>()
  const simple = (api: string, run: (o: ApiOption) => Outcome | Promise<Outcome>) => (o?: ApiOption) => answer(host, api, o, run(o ?? {}))
  /** Page changes happen on a later macrotask, as WeChat's route events arrive from the native side. */
  const route = (change: () => Outcome) => new Promise<Outcome>((resolve) => host.clock.setTimeout(() => resolve(change()), 0))
  const sync = <T>(value: T) => () => host.realm.json(value)

  return {
    getSystemInfoSync: sync({ ...windowInfo, ...deviceInfo, ...baseInfo }),
    getSystemInfo: simple('getSystemInfo', () => ok({ ...windowInfo, ...deviceInfo, ...baseInfo })),
    getWindowInfo: sync(windowInfo),
    getDeviceInfo: sync(deviceInfo),
    getAppBaseInfo: sync(baseInfo),
    getMenuButtonBoundingClientRect: sync({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 }),
    getAccountInfoSync: sync({ miniProgram: { appId: 'wx-weapp-tier', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: sync({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: sync({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    canIUse: () => true,

    getStorageSync: (key: string) => {
      const v = storage.get(String(key))
      return v === undefined ? '' : host.realm.json(JSON.parse(v) as unknown)
    },
    setStorageSync: (key: string, value: unknown) => void storage.set(String(key), JSON.stringify(value)),
    removeStorageSync: (key: string) => void storage.delete(String(key)),
    getStorage: simple('getStorage', (o) => {
      const v = storage.get(String(o.key))
      return v === undefined ? refuse('data not found') : ok({ data: JSON.parse(v) as unknown })
    }),
    setStorage: simple('setStorage', (o) => (storage.set(String(o.key), JSON.stringify(o.data)), ok())),
    removeStorage: simple('removeStorage', (o) => (storage.delete(String(o.key)), ok())),

    navigateTo: simple('navigateTo', (o) => route(() => pages.navigateTo(o.url))),
    redirectTo: simple('redirectTo', (o) => route(() => pages.redirectTo(o.url))),
    navigateBack: simple('navigateBack', (o) => route(() => pages.navigateBack(o.delta))),
    switchTab: simple('switchTab', (o) => route(() => pages.switchTab(o.url))),
    reLaunch: simple('reLaunch', (o) => route(() => pages.reLaunch(o.url))),

    showToast: simple('showToast', (o) => {
      if (typeof o.title !== 'string') return refuse('parameter error: parameter.title should be String')
      ui.toasts.push(o.title)
      ui.loading = null
      return ok()
    }),
    hideToast: simple('hideToast', () => ok()),
    showLoading: simple('showLoading', (o) => ((ui.loading = String(o.title ?? '')), ok())),
    hideLoading: simple('hideLoading', () => ((ui.loading = null), ok())),
    showModal: simple('showModal', async (o) => {
      const detail = { title: o.title ?? '', content: o.content ?? '', confirmText: o.confirmText ?? '确定', cancelText: o.cancelText ?? '取消', showCancel: o.showCancel !== false }
      const confirm = Boolean(await ui.ask('showModal', detail))
      return ok({ confirm, cancel: !confirm })
    }),
    showActionSheet: simple('showActionSheet', async (o) => {
      const index = await ui.ask('showActionSheet', { itemList: o.itemList })
      return typeof index === 'number' ? ok({ tapIndex: index }) : refuse('showActionSheet:fail cancel')
    }),
    setNavigationBarTitle: simple('setNavigationBarTitle', (o) => {
      const top = pages.top()
      if (top) top.navigationBarTitle = String(o.title ?? '')
      return ok()
    }),
    stopPullDownRefresh: simple('stopPullDownRefresh', () => ok()),
    startPullDownRefresh: simple('startPullDownRefresh', () => ok()),
    pageScrollTo: simple('pageScrollTo', () => ok()),
    setClipboardData: simple('setClipboardData', (o) => {
      ui.clipboard = String(o.data ?? '')
      ui.toasts.push('内容已复制')
      return ok()
    }),
    getClipboardData: simple('getClipboardData', () => ok({ data: ui.clipboard })),
    vibrateShort: simple('vibrateShort', () => ok()),
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    onAppRoute: () => undefined,
    onAppRouteDone: () => undefined,
    offAppRoute: () => undefined,
    offAppRouteDone: () => undefined,
  }
}
