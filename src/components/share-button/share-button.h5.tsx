// Browser: 分享给好友 hands the page's link to the system share sheet (Web Share API, as on phones) or,
// where there is none or it fails, copies the link and says so.
import Taro from '@tarojs/taro'
import { ActionButton } from '../action-button'

export interface ShareButtonProps {
  /** What the shared message says. */
  title: string
  /** The page to open, e.g. /selection/work/index?id=… */
  path: string
  className?: string
}

/** The address of an app page on this site (hash router). */
export function pageLink(path: string): string {
  return `${window.location.origin}${window.location.pathname}#${path}`
}

export async function shareLink(title: string, path: string): Promise<void> {
  const url = pageLink(path)
  const nav = navigator as Navigator & { share?: (data: { title: string; text?: string; url: string }) => Promise<void> }
  if (typeof nav.share === 'function') {
    try {
      await nav.share({ title, text: title, url })
      return
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') return
    }
  }
  await Taro.setClipboardData({ data: `${title} ${url}` }).catch(() => undefined)
  await Taro.showToast({ title: '链接已复制，可粘贴发给好友', icon: 'none' }).catch(() => undefined)
}

export function ShareButton({ title, path, className }: ShareButtonProps) {
  return <ActionButton kind='plain' className={className} onClick={() => void shareLink(title, path)}>分享给好友</ActionButton>
}
