// WeChat: one video from the album or the camera (a recording stops at `maxDuration`, at most 60 s; an
// album video may be longer, so the caller still checks). WeChat reports its duration, size and a cover
// frame (thumbTempFilePath). chooseMedia is a privacy API: the submit page's PrivacyPrompt answers
// WeChat's authorization request. Shared by the selection's works and the organisers' lecture videos.
import Taro from '@tarojs/taro'
import type { ChooseVideoOptions, PickedVideo } from './picked-video'

export async function chooseVideo(options: ChooseVideoOptions = {}): Promise<PickedVideo | null> {
  try {
    const res = await Taro.chooseMedia({
      count: 1, mediaType: ['video'], sourceType: options.camera === false ? ['album'] : ['album', 'camera'],
      maxDuration: Math.min(60, Math.max(3, options.maxDuration ?? 60)), camera: 'back',
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
