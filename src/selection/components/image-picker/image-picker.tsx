// The photos of a work: thumbnails with their upload state (上传中 / 上传失败 with 重试) and a 删除 under
// each, then a large 添加照片 tile, saying how many more fit, while fewer than the limit are chosen.
import { Image, Text, View } from '@tarojs/components'
import type { PhotoItem } from '../../utils/picked'

export interface ImagePickerProps {
  photos: PhotoItem[]
  max: number
  onAdd: () => void
  onRemove: (key: string) => void
  onRetry: (item: PhotoItem) => void
}

export function ImagePicker({ photos, max, onAdd, onRemove, onRetry }: ImagePickerProps) {
  return (
    <View className='image-picker'>
      {photos.map((p) => (
        <View key={p.key} className='image-picker__cell'>
          <Image className='image-picker__thumb' src={p.path} mode='aspectFill' />
          {p.state === 'uploading' ? <Text className='image-picker__state'>上传中…</Text> : null}
          {p.state === 'failed' ? <Text className='image-picker__state image-picker__state--failed' onClick={() => onRetry(p)}>上传失败，点此重试</Text> : null}
          <View className='image-picker__remove' hoverClass='image-picker__remove--pressed' onClick={() => onRemove(p.key)}>
            <Text>删除</Text>
          </View>
        </View>
      ))}
      {photos.length < max ? (
        <View className='image-picker__cell image-picker__add' hoverClass='image-picker__add--pressed' onClick={onAdd}>
          <Text className='image-picker__plus'>＋</Text>
          <Text className='image-picker__label'>添加照片</Text>
          <Text className='image-picker__room'>{photos.length === 0 ? `最多 ${max} 张` : `还可添加 ${max - photos.length} 张`}</Text>
        </View>
      ) : null}
    </View>
  )
}
