// An organiser's image for content (banner, cover, photo): 选择图片 picks one from the album, checks it is
// an image of at most CONTENT_IMAGE_BYTES_MAX, uploads it through a content upload ticket and sets the
// field to its fileID, with a preview (the picked file; in WeChat also a stored cloud:// image). 移除
// clears the field. Chinese messages say what to do when the file is not an image or too large.
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CONTENT_IMAGE_BYTES_MAX } from '@/contract/content'
import { ActionButton } from '@/components/action-button'
import { uploadFile } from '../../services/upload'

const TOO_LARGE = `图片超过 ${CONTENT_IMAGE_BYTES_MAX / 1024 / 1024} MB，请压缩或换一张再上传`

export function ImageField({ value, label, onChange }: { value: string; label: string; onChange: (fileID: string) => void }) {
  const [preview, setPreview] = useState('')
  const [state, setState] = useState<{ busy: boolean; error: string }>({ busy: false, error: '' })
  const stored = process.env.TARO_ENV === 'weapp' && value.startsWith('cloud://') ? value : ''
  const shown = preview || stored

  const pick = async () => {
    let file: { tempFilePath: string; size: number } | undefined
    try {
      file = (await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFiles[0]
    } catch {
      return
    }
    if (!file) return
    if (file.size > CONTENT_IMAGE_BYTES_MAX) return setState({ busy: false, error: TOO_LARGE })
    setState({ busy: true, error: '' })
    const res = await uploadFile(file.tempFilePath, undefined, 'content')
    if (!res.ok) return setState({ busy: false, error: res.issues?.[0]?.message ?? res.message })
    setPreview(file.tempFilePath)
    setState({ busy: false, error: '' })
    onChange(res.data.fileID)
  }

  return (
    <View className='image-field'>
      {shown ? <Image className='image-field__preview' src={shown} mode='aspectFit' ariaLabel={`${label}预览`} /> : null}
      {value ? <Text className='image-field__name muted'>{shown ? '已选择图片' : `已选择：${value}`}</Text> : <Text className='image-field__name muted'>未选择图片</Text>}
      {state.error ? <View role='alert'><Text className='image-field__error'>{state.error}</Text></View> : null}
      <View className='image-field__actions'>
        <ActionButton kind='plain' disabled={state.busy} onClick={() => void pick()}>{state.busy ? '正在上传…' : value ? '更换图片' : '选择图片'}</ActionButton>
        {value && !state.busy ? <ActionButton kind='plain' onClick={() => { setPreview(''); onChange('') }}>移除图片</ActionButton> : null}
      </View>
    </View>
  )
}
