// Local runtime (h5): one video from the browser's file chooser. The browser tells the size and type;
// the duration and a cover frame come from a <video> element: recorded WEBM files carry no duration in
// their header (the element says Infinity until it has seeked to the end), and the cover is the frame at
// 1 s (or mid-video for shorter clips) drawn onto a canvas and encoded as a JPEG. Shared by the
// selection's works and the organisers' lecture videos (moved here from src/selection/utils).
import type { ChooseVideoOptions, PickedVideo } from './picked-video'
import { pickFiles } from './pick-files'

const COVER_WIDTH_MAX = 720

/** Resolves true when `event` fires, false on an error or after `ms`. */
function when(video: HTMLVideoElement, event: string, ms = 8000): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (value: boolean) => {
      clearTimeout(timer)
      video.removeEventListener(event, onEvent)
      video.removeEventListener('error', onError)
      resolve(value)
    }
    const onEvent = () => finish(true)
    const onError = () => finish(false)
    const timer = setTimeout(() => finish(false), ms)
    video.addEventListener(event, onEvent)
    video.addEventListener('error', onError)
  })
}

async function seek(video: HTMLVideoElement, seconds: number): Promise<boolean> {
  const seeked = when(video, 'seeked')
  video.currentTime = seconds
  return seeked
}

async function durationOf(video: HTMLVideoElement): Promise<number | null> {
  if (Number.isFinite(video.duration) && video.duration > 0) return video.duration
  await seek(video, Number.MAX_SAFE_INTEGER)
  return Number.isFinite(video.duration) && video.duration > 0 ? video.duration : null
}

async function coverOf(video: HTMLVideoElement, duration: number): Promise<string | null> {
  if (!(await seek(video, Math.min(1, duration / 2)))) return null
  if (video.readyState < 2 && !(await when(video, 'loadeddata'))) return null
  const scale = Math.min(1, COVER_WIDTH_MAX / (video.videoWidth || COVER_WIDTH_MAX))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(video.videoWidth * scale))
  canvas.height = Math.max(1, Math.round(video.videoHeight * scale))
  const g = canvas.getContext('2d')
  if (!g) return null
  g.drawImage(video, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
  return blob ? URL.createObjectURL(blob) : null
}

/** The options are WeChat's (camera length, album only); a browser's file chooser has neither. */
export async function chooseVideo(_options: ChooseVideoOptions = {}): Promise<PickedVideo | null> {
  const file = (await pickFiles('video/*'))?.[0] ?? null
  if (!file) return null
  const path = URL.createObjectURL(file)
  const video = document.createElement('video')
  video.muted = true
  video.playsInline = true
  video.preload = 'auto'
  const loaded = when(video, 'loadedmetadata')
  video.src = path
  let duration: number | null = null
  let coverPath: string | null = null
  if (await loaded) {
    duration = await durationOf(video)
    if (duration !== null) coverPath = await coverOf(video, duration)
  }
  video.removeAttribute('src')
  video.load()
  return { path, size: file.size, type: file.type, name: file.name, duration, coverPath }
}
