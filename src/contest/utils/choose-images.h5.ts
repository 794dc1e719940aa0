// Local runtime (h5): the browser's file chooser, album only (a phone browser would otherwise ask
// 拍摄/从相册选择 first); the browser does not compress, so the size check guards large files.
import Taro from '@tarojs/taro'
import type { Picked } from './picked'

export async function chooseImages(count: number): Promise<Picked[] | null> {
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album'] })
    return res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }))
  } catch {
    return null
  }
}
