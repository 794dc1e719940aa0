// WeChat: one video from the album or the camera (recording stops at 60 s; an album video may be longer,
// so the caller still checks). WeChat reports its duration, size and a cover frame (thumbTempFilePath).
// chooseMedia is a privacy API: the submit page's PrivacyPrompt answers WeChat's authorization request.
import Taro from '@tarojs/taro'
import { WORK_LIMITS } from '@/contract/selection'
import type { PickedVideo } from './picked'

export async function chooseVideo(): Promise<PickedVideo | null> {
  try {
    const res = await Taro.chooseMedia({
      count: 1, mediaType: ['video'], sourceType: ['album', 'camera'], maxDuration: WORK_LIMITS.videoSecondsMax, camera: 'back',
    })
    const file = res.tempFiles[0]
    if (!file) return null
    return {
      path: file.tempFilePath, size: file.size, type: '',
      duration: Number.isFinite(file.duration) && file.duration > 0 ? file.duration : null,
      coverPath: file.thumbTempFilePath || null,
    }
  } catch {
    return null
  }
}
