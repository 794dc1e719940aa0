// Local runtime (h5): the browser's file chooser, album only (a phone browser would otherwise ask
// 拍摄/从相册选择 first). The browser does not compress as WeChat does, so a photo whose long edge is
// over 1920 px, or whose file is over 1.5 MB, is redrawn at most 1920 px long as a JPEG (quality 0.85)
// before upload (the decoded bitmap and the original's blob URL are let go at once, as up to 9 large
// photos may be chosen together); one that cannot be decoded is passed on as chosen, for the size check.
import Taro from '@tarojs/taro'
import type { Picked } from './picked'

const EDGE_MAX = 1920
const BYTES_KEEP = 1.5 * 1024 * 1024

/** Decodes the chosen file; rejects (never hangs) where the browser cannot, so the photo goes on as chosen. */
async function decode(url: string): Promise<ImageBitmap> {
  const blob = await (await fetch(url)).blob()
  return createImageBitmap(blob)
}

export async function compressPhoto(photo: Picked): Promise<Picked> {
  try {
    const image = await decode(photo.path)
    const long = Math.max(image.width, image.height)
    if (long <= EDGE_MAX && photo.size <= BYTES_KEEP) {
      image.close()
      return photo
    }
    const scale = Math.min(1, EDGE_MAX / long)
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(image.width * scale))
    canvas.height = Math.max(1, Math.round(image.height * scale))
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height)
    image.close()
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    if (!blob || blob.size >= photo.size) return photo
    URL.revokeObjectURL(photo.path)
    return { path: URL.createObjectURL(blob), size: blob.size }
  } catch {
    return photo
  }
}

export async function chooseImages(count: number): Promise<Picked[] | null> {
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album'] })
    return await Promise.all(res.tempFiles.map((f) => compressPhoto({ path: f.tempFilePath, size: f.size })))
  } catch {
    return null
  }
}
