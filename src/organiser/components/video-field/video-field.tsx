// A lecture's video in the editor: 选择视频 picks one (WeChat: chooseMedia from the album; h5: the file
// chooser), checks it with the selection's shared video checks against the lecture limits (MP4/MOV/WEBM,
// at most CONTENT_VIDEO_BYTES_MAX and CONTENT_VIDEO_SECONDS_MAX, a readable length), shows its length, size
// and a preview, uploads it through a lecture video ticket with the percentage, and sets the field to its
// fileID (and the lecture's length to the video's). 从已上传的视频中选择 lists the videos already uploaded
// for this festival (content.videos) to use one again; 移除视频 clears the field. Choosing again replaces
// the video, and a replaced upload's late answer is ignored.
import { useRef, useState } from 'react'
import { Text, Video, View } from '@tarojs/components'
import { CONTENT_VIDEO_BYTES_MAX, CONTENT_VIDEO_SECONDS_MAX, type ContentVideo } from '@/contract/content'
import { ActionButton } from '@/components/action-button'
import { call } from '@/services/client'
import { uploadFile } from '../../../services/upload'
import { chooseVideo } from '../../../utils/choose-video'
import { durationLabel, sizeLabel, videoProblem } from '../../../utils/video-checks'
import './index.scss'

export interface VideoFieldProps {
  value: string
  label: string
  festivalId: string
  /** The chosen video's fileID ('' when removed) and its length in seconds when known. */
  onChange: (fileID: string, durationSec: number | null) => void
}

interface Shown {
  /** What the preview plays: the picked file, a stored video's temp URL, or '' for none. */
  src: string
  poster: string
  durationSec: number | null
  size: number | null
  name: string
}

type Upload = { state: 'idle' } | { state: 'uploading'; progress: number } | { state: 'failed'; error: string }

const LIMITS = { secondsMax: CONTENT_VIDEO_SECONDS_MAX, bytesMax: CONTENT_VIDEO_BYTES_MAX, needsCover: false }
const facts = (v: { durationSec: number | null; size: number | null }) =>
  [v.durationSec !== null ? `时长 ${durationLabel(v.durationSec)}` : '', v.size !== null ? `大小 ${sizeLabel(v.size)}` : ''].filter(Boolean).join(' · ')

export function VideoField({ value, label, festivalId, onChange }: VideoFieldProps) {
  const [shown, setShown] = useState<Shown | null>(null)
  const [upload, setUpload] = useState<Upload>({ state: 'idle' })
  const [problem, setProblem] = useState('')
  const [stored, setStored] = useState<ContentVideo[] | null>(null)
  const [listing, setListing] = useState(false)
  const run = useRef(0)
  const stillStored = process.env.TARO_ENV === 'weapp' && value.startsWith('cloud://') ? value : ''
  const src = shown?.src || stillStored
  const busy = upload.state === 'uploading'

  const pick = async () => {
    const picked = await chooseVideo({ camera: false })
    if (!picked) return
    const refused = videoProblem(picked, LIMITS)
    setProblem(refused ?? '')
    if (refused) return
    const token = ++run.current
    const alive = () => run.current === token
    setStored(null)
    setShown({ src: picked.path, poster: picked.coverPath ?? '', durationSec: picked.duration, size: picked.size, name: picked.name ?? '' })
    setUpload({ state: 'uploading', progress: 0 })
    const durationSec = picked.duration ?? undefined
    const ticket = { festivalId, ...(durationSec !== undefined ? { durationSec } : {}), ...(picked.name ? { name: picked.name.slice(0, 120) } : {}) }
    const res = await uploadFile(picked.path, (progress) => { if (alive()) setUpload({ state: 'uploading', progress }) }, { video: ticket })
    if (!alive()) return
    if (!res.ok) {
      setUpload({ state: 'failed', error: res.issues?.[0]?.message ?? res.message })
      return
    }
    setUpload({ state: 'idle' })
    onChange(res.data.fileID, picked.duration)
  }

  const openStored = async () => {
    if (stored) return setStored(null)
    setListing(true)
    const res = await call('content', 'videos', { festivalId })
    setListing(false)
    if (!res.ok) return setProblem(res.message)
    setProblem('')
    setStored(res.data)
  }

  const use = (video: ContentVideo) => {
    run.current++
    setUpload({ state: 'idle' })
    setStored(null)
    setShown({ src: video.url, poster: '', durationSec: video.durationSec, size: video.size, name: video.name })
    onChange(video.fileID, video.durationSec)
  }

  const remove = () => {
    run.current++
    setShown(null)
    setUpload({ state: 'idle' })
    onChange('', null)
  }

  return (
    <View className='video-field'>
      {src ? <Video className='video-field__preview' src={src} poster={shown?.poster || undefined} controls objectFit='contain' {...(shown?.durationSec ? { duration: shown.durationSec } : {})} /> : null}
      {shown ? <Text className='video-field__facts'>{[shown.name, facts(shown)].filter(Boolean).join(' · ')}</Text> : null}
      {!shown ? <Text className='video-field__name muted'>{value ? `已选择：${value}` : '未选择视频'}</Text> : null}
      {upload.state === 'uploading' ? (
        <View role='progressbar' ariaLabel={`${label}上传进度`}>
          <View className='video-field__progress'><View className='video-field__progress-bar' style={{ width: `${upload.progress}%` }} /></View>
          <Text className='video-field__name'>{`上传中 ${upload.progress}%，请不要离开本页`}</Text>
        </View>
      ) : null}
      {upload.state === 'idle' && shown && value ? <Text className='video-field__name muted'>已上传</Text> : null}
      {problem || upload.state === 'failed' ? (
        <View role='alert'><Text className='video-field__error'>{problem || (upload.state === 'failed' ? `${upload.error}（可重新选择视频上传）` : '')}</Text></View>
      ) : null}
      <View className='video-field__actions'>
        <ActionButton kind='plain' disabled={busy} onClick={() => void pick()}>{value || shown ? '更换视频' : '选择视频'}</ActionButton>
        <ActionButton kind='plain' disabled={busy || listing} onClick={() => void openStored()}>{stored ? '收起已上传的视频' : '从已上传的视频中选择'}</ActionButton>
        {(value || shown) && !busy ? <ActionButton kind='plain' onClick={remove}>移除视频</ActionButton> : null}
      </View>
      {stored ? (
        <View className='video-field__stored' role='list' ariaLabel='已上传的讲座视频'>
          {stored.length === 0 ? <Text className='video-field__name muted'>这届文化节还没有上传过讲座视频</Text> : null}
          {stored.map((video) => (
            <View key={video.fileID} className='video-field__stored-item' role='listitem'>
              <Text>{[video.name || `${video.at.slice(0, 16).replace('T', ' ')} 上传`, facts(video)].filter(Boolean).join(' · ')}</Text>
              <ActionButton kind='plain' disabled={video.fileID === value} onClick={() => use(video)}>{video.fileID === value ? '正在使用' : '选用'}</ActionButton>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
