// A video as a chooser hands it back (src/utils/choose-video.*): its temp path, size, duration and a cover
// frame (null when the platform could not read them), and the file's type and name where the platform
// tells them. Shared by the selection's 1分钟 videos and the organisers' lecture videos.
export interface PickedVideo {
  path: string
  size: number
  /** Seconds; null when the file's length could not be read. */
  duration: number | null
  /** A JPEG frame of the video (a work's cover, a lecture video's preview poster); null when none could be made. */
  coverPath: string | null
  /** The file's MIME type where the platform tells it (h5), else ''. */
  type: string
  /** The file's name where the platform tells it (h5), else ''. */
  name?: string
}

/** What to ask of the chooser: WeChat stops a camera recording at `maxDuration` s (3–60); `camera: false` offers the album only. */
export interface ChooseVideoOptions {
  maxDuration?: number
  camera?: boolean
}
