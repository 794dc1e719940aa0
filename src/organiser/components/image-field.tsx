// An organiser's image for content (banner, cover, photo): 选择图片 picks one (utils/choose-image: the
// browser's own file chooser on h5, chooseMedia in WeChat), checks it is an image of at most
// CONTENT_IMAGE_BYTES_MAX, uploads it through a content upload ticket and sets the field to its fileID,
// with a preview (the picked file; in WeChat also a stored cloud:// image). 移除 clears the field. A file
// that is not an image, cannot be opened or is too large is named in a Chinese message saying what to
// pick instead, and the field keeps the image it had.
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { CONTENT_IMAGE_BYTES_MAX } from '@/contract/content'
import { ActionButton } from '@/components/action-button'
import { uploadFile } from '../../services/upload'
import { chooseImage } from '../../utils/choose-image'
import type { ChosenImage } from '../../utils/chosen-image'

const MB = 1024 * 1024
const LIMIT = `${CONTENT_IMAGE_BYTES_MAX / MB} MB`

/** What is wrong with the picked file, in a sentence that says what to pick instead; '' when it can be uploaded. */
function imageProblem(chosen: ChosenImage): string {
  const named = chosen.name ? `“${chosen.name}” ` : ''
  if ('problem' in chosen) {
    return chosen.problem === 'not-image'
      ? `${named || '所选文件'}不是图片，请选择 JPG、PNG 或 WEBP 格式的图片`
      : `${named || '所选图片'}无法打开，可能已损坏，请换一张 JPG、PNG 或 WEBP 图片`
  }
  if (chosen.size <= CONTENT_IMAGE_BYTES_MAX) return ''
  return `${named || '这张图片'}有 ${(chosen.size / MB).toFixed(1)} MB，超过 ${LIMIT}，请压缩或换一张 ${LIMIT} 以内的 JPG、PNG 或 WEBP 图片`
}

export function ImageField({ value, label, onChange }: { value: string; label: string; onChange: (fileID: string) => void }) {
  const [preview, setPreview] = useState('')
  const [state, setState] = useState<{ busy: boolean; error: string }>({ busy: false, error: '' })
  const stored = process.env.TARO_ENV === 'weapp' && value.startsWith('cloud://') ? value : ''
  const shown = preview || stored

  const pick = async () => {
    const chosen = await chooseImage()
    if (!chosen) return
    const problem = imageProblem(chosen)
    if (problem || 'problem' in chosen) return setState({ busy: false, error: problem })
    setState({ busy: true, error: '' })
    const res = await uploadFile(chosen.path, undefined, 'content')
    if (!res.ok) return setState({ busy: false, error: res.issues?.[0]?.message ?? res.message })
    setPreview(chosen.path)
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
