// What the choosers hand back: a photo's temp path and size; a video's temp path, size, duration and a
// cover frame (null when the platform could not read them). Also the upload state of each.
import type { PickedVideo } from '../../utils/picked-video'

export interface Picked {
  path: string
  size: number
}

export interface PhotoItem extends Picked {
  key: string
  state: 'uploading' | 'done' | 'failed'
  fileID?: string
}

/** What a photo chooser hands back: the photos taken, and one sentence per chosen file it could not take. */
export interface ChosenPhotos {
  photos: Picked[]
  problems: string[]
}

/** Said of a chosen file that is not a photo (a PDF, a document). */
export const notPhotoText = (name: string) => `“${name}” 不是照片，请选择 JPG、PNG 或 HEIC 格式的图片`
/** Said of a chosen photo that cannot be opened (damaged, or a format this browser cannot read). */
export const unreadableText = (name: string) => `“${name}” 无法打开，可能已损坏或格式不受支持，请换一张 JPG 或 PNG 照片`

/** Larger photos are refused before upload (WeChat compresses; a browser may not). */
export const IMAGE_BYTES_MAX = 10 * 1024 * 1024

export interface VideoItem extends PickedVideo {
  state: 'uploading' | 'done' | 'failed'
  /** 0–100 while the video's bytes go up. */
  progress: number
  fileID?: string
  coverID?: string
  /** Why the last upload failed, as the upload answered. */
  error?: string
}
