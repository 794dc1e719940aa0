// Reloads a page's data whenever an app event fires (e.g. IDENTITY_CHANGED for 我的, which is a tab
// page and so stays mounted while another page switches identity).
import { useEffect } from 'react'
import Taro from '@tarojs/taro'

export function useReloadOn(event: string, reload: () => Promise<void>): void {
  useEffect(() => {
    const handler = () => {
      void reload()
    }
    Taro.eventCenter.on(event, handler)
    return () => {
      Taro.eventCenter.off(event, handler)
    }
  }, [event, reload])
}
