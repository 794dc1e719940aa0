// A list of mine stays current: reloaded on pull-down and each time the page shows again (back from a
// card's page or another app), but not on its first show, which the page's own load covers.
import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { usePullRefresh } from './use-pull-refresh'

export function useReloadOnReturn(reload: () => Promise<void>): void {
  usePullRefresh(reload)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
