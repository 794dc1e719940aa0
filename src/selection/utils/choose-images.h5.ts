// Local runtime (h5): the browser's file chooser (images only, several at once). Each chosen file is
// opened here, so one that is not a photo (a PDF) or cannot be opened (damaged, or HEIC where the
// browser cannot read it) is named in a sentence saying what to choose instead, and the rest go on.
// The browser does not compress as WeChat does, so a photo whose long edge is over 1920 px, whose file
// is over 1.5 MB, or that is not JPG/PNG/WEBP (HEIC, GIF…: what the upload takes) is redrawn at most
// 1920 px long as a JPEG (quality 0.85) before upload (the decoded bitmap and the original's blob URL
// are let go at once, as up to 9 large photos may be chosen together).
import type { ChosenPhotos, Picked } from './picked'
import { notPhotoText, unreadableText } from './picked'
import { isImageFile, pickFiles, UPLOADABLE_IMAGES } from '../../utils/pick-files'

const EDGE_MAX = 1920
const BYTES_KEEP = 1.5 * 1024 * 1024

/** The photo as it will upload, or null when the browser cannot open it. */
async function prepare(file: File): Promise<Picked | null> {
  let image: ImageBitmap
  try {
    image = await createImageBitmap(file)
  } catch {
    return null
  }
  const long = Math.max(image.width, image.height)
  if (long <= EDGE_MAX && file.size <= BYTES_KEEP && UPLOADABLE_IMAGES.has(file.type)) {
    image.close()
    return { path: URL.createObjectURL(file), size: file.size }
  }
  const scale = Math.min(1, EDGE_MAX / long)
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(image.width * scale))
  canvas.height = Math.max(1, Math.round(image.height * scale))
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height)
  image.close()
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
  if (blob && (blob.size < file.size || !UPLOADABLE_IMAGES.has(file.type))) return { path: URL.createObjectURL(blob), size: blob.size }
  return UPLOADABLE_IMAGES.has(file.type) ? { path: URL.createObjectURL(file), size: file.size } : null
}

export async function chooseImages(count: number): Promise<ChosenPhotos | null> {
  const files = await pickFiles('image/*', count > 1)
  if (!files) return null
  const chosen: ChosenPhotos = { photos: [], problems: [] }
  for (const file of files) {
    if (!isImageFile(file)) {
      chosen.problems.push(notPhotoText(file.name))
      continue
    }
    const photo = await prepare(file)
    if (photo) chosen.photos.push(photo)
    else chosen.problems.push(unreadableText(file.name))
  }
  return chosen
}
