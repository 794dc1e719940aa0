// WeChat: 分享给好友 is the native share button (the page's useShareAppMessage says what is sent).
import { Button } from '@tarojs/components'

export interface ShareButtonProps {
  /** What the shared card or message says. */
  title: string
  /** The page to open, e.g. /selection/work/index?id=… */
  path: string
  className?: string
}

export function ShareButton({ className }: ShareButtonProps) {
  return <Button className={`action-button action-button--plain ${className ?? ''}`} openType='share'>分享给好友</Button>
}
