// A chosen video is checked before any byte is uploaded, against the same limits the function enforces
// (WORK_LIMITS): length, size, format, and that a cover frame exists (the shared checks in
// src/utils/video-checks.ts). Each refusal says what to do.
import { WORK_LIMITS } from '@/contract/selection'
import { videoProblem as checkVideo } from '../../utils/video-checks'
import type { PickedVideo } from '../../utils/picked-video'
import type { VideoItem } from './picked'

export const videoProblem = (v: PickedVideo): string | null =>
  checkVideo(v, { secondsMax: WORK_LIMITS.videoSecondsMax, bytesMax: WORK_LIMITS.videoBytesMax, needsCover: true })

export function videoError(video: VideoItem | null): string | undefined {
  if (!video) return '请选择一段视频'
  if (video.state === 'uploading') return '视频还在上传，请稍候再提交'
  if (video.state === 'failed') return '视频上传失败，请点重试或换一段视频'
  return undefined
}

