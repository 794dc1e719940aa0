// WeChat: photos from the album or the camera, compressed by WeChat before they reach the app
// (chooseMedia is a privacy API: the submit page's PrivacyPrompt answers WeChat's authorization request);
// WeChat's album offers only photos, so nothing is refused here.
import Taro from '@tarojs/taro'
import type { ChosenPhotos } from './picked'

export async function chooseImages(count: number): Promise<ChosenPhotos | null> {
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return { photos: res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size })), problems: [] }
  } catch {
    return null
  }
}
