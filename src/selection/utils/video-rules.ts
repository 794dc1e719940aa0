// A chosen video is checked before any byte is uploaded, against the same limits the function enforces
// (WORK_LIMITS): length, size, format, and that a cover frame exists. Each refusal says what to do.
import { WORK_LIMITS } from '@/contract/selection'
import type { PickedVideo, VideoItem } from './picked'

const MB = 1024 * 1024
/** What the local upload and the work page can play; WeChat's own temp files report no type. */
const PLAYABLE = ['video/mp4', 'video/quicktime', 'video/webm']

export function videoProblem(v: PickedVideo): string | null {
  if (v.type !== '' && !PLAYABLE.includes(v.type)) return '只能上传 MP4、MOV 或 WEBM 格式的视频，请转换格式后再选'
  if (v.duration !== null && v.duration > WORK_LIMITS.videoSecondsMax) {
    return `这段视频长 ${Math.ceil(v.duration)} 秒，超过 ${WORK_LIMITS.videoSecondsMax} 秒。请先剪辑到 ${WORK_LIMITS.videoSecondsMax} 秒以内再选`
  }
  if (v.size > WORK_LIMITS.videoBytesMax) {
    return `这段视频有 ${(v.size / MB).toFixed(1)} MB，超过 ${WORK_LIMITS.videoBytesMax / MB} MB。请压缩后再选（可在相册编辑视频、降低清晰度后保存）`
  }
  if (v.duration === null) return '读不出这段视频的时长，请换成 MP4 格式的视频再选'
  if (v.coverPath === null) return '读不出这段视频的画面，无法生成封面，请换一段视频再选'
  return null
}

export function videoError(video: VideoItem | null): string | undefined {
  if (!video) return '请选择一段视频'
  if (video.state === 'uploading') return '视频还在上传，请稍候再提交'
  if (video.state === 'failed') return '视频上传失败，请点重试或换一段视频'
  return undefined
}

/** 42.3 → 0:42 */
export function durationLabel(seconds: number): string {
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}
