// The video of a work: before one is chosen, a large 选择视频 tile with the limits; after, its cover with
// the duration, the upload state (上传中 n% / 上传失败 with the reason, tap to retry) and 换一段视频.
import { Image, Text, View } from '@tarojs/components'
import { WORK_LIMITS } from '@/contract/selection'
import type { VideoItem } from '../../utils/picked'
import { durationLabel } from '../../../utils/video-checks'

export interface VideoPickerProps {
  video: VideoItem | null
  onChoose: () => void
  onRetry: () => void
}

export function VideoPicker({ video, onChoose, onRetry }: VideoPickerProps) {
  if (!video) {
    return (
      <View className='video-picker__add' hoverClass='video-picker__add--pressed' onClick={onChoose}>
        <Text className='video-picker__plus'>＋</Text>
        <Text className='video-picker__label'>选择视频</Text>
        <Text className='video-picker__limits'>{`不超过 ${WORK_LIMITS.videoSecondsMax} 秒、${WORK_LIMITS.videoBytesMax / 1024 / 1024} MB`}</Text>
      </View>
    )
  }
  return (
    <View className='video-picker'>
      <View className='video-picker__cover-box'>
        <Image className='video-picker__cover' src={video.coverPath ?? ''} mode='aspectFill' />
        {video.duration !== null ? <Text className='video-picker__duration'>{durationLabel(video.duration)}</Text> : null}
        {video.state === 'uploading' ? <Text className='video-picker__state'>{`上传中 ${video.progress}%`}</Text> : null}
        {video.state === 'failed' ? (
          <Text className='video-picker__state video-picker__state--failed' onClick={onRetry}>
            {`${video.error ?? '上传失败'} · 点此重试`}
          </Text>
        ) : null}
        {video.state === 'done' ? <Text className='video-picker__state video-picker__state--done'>已上传</Text> : null}
      </View>
      <View className='video-picker__replace' hoverClass='video-picker__replace--pressed' onClick={onChoose}>
        <Text>换一段视频</Text>
      </View>
    </View>
  )
}
