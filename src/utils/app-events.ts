// App-wide notifications between pages (over Taro's event centre).
import Taro from '@tarojs/taro'

/** The signed-in identity changed (local demo sign-in / sign-out): identity-dependent pages reload. */
export const IDENTITY_CHANGED = 'identity-changed'

export function notifyIdentityChanged(): void {
  Taro.eventCenter.trigger(IDENTITY_CHANGED)
}
