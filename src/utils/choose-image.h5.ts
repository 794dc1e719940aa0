// Local runtime (h5): one image from the browser's own file chooser, album only. Not Taro's h5
// chooseMedia: on a phone's browser it first shows its own 拍摄/从相册选择 sheet for sourceType
// ['album', 'camera'] (so 选择图片 opened no file chooser), and it drops a file it cannot load as an
// image with only console.error, answering as if nothing were chosen (so a PDF got no message). Each
// file is opened here: one that is not an image, or that the browser cannot open, comes back as a
// problem with its name; an image the upload does not take (GIF, BMP, AVIF…) is redrawn as a JPEG.
import type { ChosenImage } from './chosen-image'
import { isImageFile, pickFiles, UPLOADABLE_IMAGES } from './pick-files'

async function asJpeg(image: ImageBitmap): Promise<Blob | null> {
  const canvas = document.createElement('canvas')
  canvas.width = image.width
  canvas.height = image.height
  const g = canvas.getContext('2d')
  if (!g) return null
  g.drawImage(image, 0, 0)
  return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9))
}

export async function chooseImage(): Promise<ChosenImage | null> {
  const file = (await pickFiles('image/*'))?.[0]
  if (!file) return null
  const { name } = file
  if (!isImageFile(file)) return { problem: 'not-image', name }
  let image: ImageBitmap
  try {
    image = await createImageBitmap(file)
  } catch {
    return { problem: 'unreadable', name }
  }
  try {
    if (UPLOADABLE_IMAGES.has(file.type)) return { path: URL.createObjectURL(file), size: file.size, name }
    const jpeg = await asJpeg(image)
    return jpeg ? { path: URL.createObjectURL(jpeg), size: jpeg.size, name } : { problem: 'unreadable', name }
  } finally {
    image.close()
  }
}
