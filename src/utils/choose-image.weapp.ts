// WeChat: one image from the album or the camera, compressed by WeChat (chooseMedia with mediaType
// image offers only images, so there is no problem to report; WeChat does not tell the file's name).
// chooseMedia is a privacy API: WeChat asks through wx.onNeedPrivacyAuthorization where the app listens.
import Taro from '@tarojs/taro'
import type { ChosenImage } from './chosen-image'

export async function chooseImage(): Promise<ChosenImage | null> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    const file = res.tempFiles[0]
    return file ? { path: file.tempFilePath, size: file.size, name: '' } : null
  } catch {
    return null
  }
}
