// A chosen photo on its way into a work: its temp path, size, and the upload's progress and fileID.
export interface Picked {
  path: string
  size: number
}

export interface PhotoItem extends Picked {
  key: string
  state: 'uploading' | 'done' | 'failed'
  fileID?: string
}

/** Larger photos are refused before upload (WeChat compresses; a browser may not). */
export const IMAGE_BYTES_MAX = 10 * 1024 * 1024
