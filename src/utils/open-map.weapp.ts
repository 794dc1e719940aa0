// WeChat: open the built-in map at the place (with navigation); without coordinates, show the address.
import Taro from '@tarojs/taro'
import type { MapPlace } from './map-place'
import { showAddress } from './show-address'

export function openMap(place: MapPlace): void {
  const { latitude, longitude, name, address } = place
  if (latitude === undefined || longitude === undefined) {
    showAddress(place)
    return
  }
  Taro.openLocation({ latitude, longitude, name, address, scale: 16 }).catch(() => showAddress(place))
}
