// The checks on a chosen video before any byte is uploaded, shared by the selection's works (WORK_LIMITS)
// and the organisers' lecture videos (CONTENT_VIDEO_*): format, length, size, a readable length and, where
// the caller needs one, a cover frame. Each refusal says what to do.
import { NOT_A_VIDEO } from '@/contract/content'
import type { PickedVideo } from './picked-video'

const MB = 1024 * 1024
/** What the local upload and the players can take; WeChat's own temp files report no type. */
const PLAYABLE_VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm']

export interface VideoLimits {
  secondsMax: number
  bytesMax: number
  /** A cover frame must have been read (a work's cover is made from it). */
  needsCover: boolean
}

const secondsText = (seconds: number) => (seconds >= 3600 && seconds % 3600 === 0 ? `${seconds / 3600} 小时` : `${seconds} 秒`)

export function videoProblem(v: PickedVideo, limits: VideoLimits): string | null {
  if (v.type !== '' && !PLAYABLE_VIDEO_TYPES.includes(v.type)) return NOT_A_VIDEO
  if (v.duration !== null && v.duration > limits.secondsMax) {
    const max = secondsText(limits.secondsMax)
    return `这段视频长 ${limits.secondsMax >= 3600 ? durationLabel(v.duration) : `${Math.ceil(v.duration)} 秒`}，超过 ${max}。请先剪辑到 ${max}以内再选`
  }
  if (v.size > limits.bytesMax) {
    return `这段视频有 ${(v.size / MB).toFixed(1)} MB，超过 ${limits.bytesMax / MB} MB。请压缩后再选（可在相册编辑视频、降低清晰度后保存）`
  }
  if (v.duration === null) return '读不出这段视频的时长，请换成 MP4 格式的视频再选'
  if (limits.needsCover && v.coverPath === null) return '读不出这段视频的画面，无法生成封面，请换一段视频再选'
  return null
}

/** 42.3 → 0:42; 3725 → 1:02:05 */
export function durationLabel(seconds: number): string {
  const whole = Math.round(seconds)
  const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
  return whole >= 3600 ? `${Math.floor(whole / 3600)}:${mmss(whole % 3600).padStart(5, '0')}` : mmss(whole)
}

/** 1536000 → 1.5 MB */
export const sizeLabel = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`)
