// Page navigation in one place: ordinary pages are pushed, tab pages are switched to.
import Taro from '@tarojs/taro'

export const routes = {
  home: '/pages/index/index',
  venues: '/pages/venues/index',
  me: '/pages/me/index',
  venue: (id: string) => `/pages/venue/index?id=${encodeURIComponent(id)}`,
  event: (id: string) => `/pages/event/index?id=${encodeURIComponent(id)}`,
  localSignIn: '/pages-local/sign-in/index',
  notFound: '/pages/not-found/index',
}

/** Opens a (non-tab) page; when the page stack is full, replaces the current page instead. */
export function openPage(url: string): void {
  Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }).catch(() => undefined))
}

/** Goes to one of the tab pages (首页, 分会场, 我的). */
export function openTab(url: string): void {
  Taro.switchTab({ url }).catch(() => undefined)
}
