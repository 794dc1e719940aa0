// WeChat: photos from the album or the camera, compressed by WeChat before they reach the app
// (chooseMedia is a privacy API: the submit page's PrivacyPrompt answers WeChat's authorization request).
import Taro from '@tarojs/taro'
import type { Picked } from './picked'

export async function chooseImages(count: number): Promise<Picked[] | null> {
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }))
  } catch {
    return null
  }
}
