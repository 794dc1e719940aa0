// Shows a place's address in a dialog whose confirm button copies it (to paste into a map app).
import Taro from '@tarojs/taro'
import type { MapPlace } from './map-place'

export function showAddress({ name, address }: MapPlace): void {
  Taro.showModal({ title: name, content: address, confirmText: '复制地址', cancelText: '关闭' })
    .then((res) => {
      if (res.confirm) return Taro.setClipboardData({ data: address })
      return undefined
    })
    .catch(() => undefined)
}
