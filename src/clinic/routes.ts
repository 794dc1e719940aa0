// Routes of the free-clinic subpackage (nav.ts covers the main package only), and a page swap for
// flows that must not come back to a finished form (after a sign-up, 我的报名 replaces the form).
import Taro from '@tarojs/taro'

export const clinicRoutes = {
  slots: '/clinic/slots/index',
  /** The slots of one sub-venue (the list opens filtered to it). */
  venueSlots: (venueId: string) => `/clinic/slots/index?venueId=${encodeURIComponent(venueId)}`,
  slot: (id: string) => `/clinic/slot/index?id=${encodeURIComponent(id)}`,
  mine: '/clinic/mine/index',
}

/** Replaces the current page with another (non-tab) page. */
export function replacePage(url: string): void {
  Taro.redirectTo({ url }).catch(() => Taro.navigateTo({ url }).catch(() => undefined))
}
