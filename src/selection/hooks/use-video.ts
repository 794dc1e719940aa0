// The video of a work being written: choose one, refuse it before uploading when it is too long, too
// large or unreadable (the message says what to do, and a previously chosen video stays), then upload the
// video with progress and its cover frame; retry reuses whatever already went up. Choosing again replaces
// it, and a replaced video's late upload results are ignored.
import { useRef, useState } from 'react'
import { uploadFile } from '../../services/upload'
import { WORK_LIMITS } from '@/contract/selection'
import { chooseVideo } from '../../utils/choose-video'
import type { VideoItem } from '../utils/picked'
import { videoProblem } from '../utils/video-rules'

export function useVideo() {
  const [video, setVideo] = useState<VideoItem | null>(null)
  const [problem, setProblem] = useState('')
  const run = useRef(0)

  const upload = async (item: VideoItem) => {
    const token = ++run.current
    const alive = () => run.current === token
    const patch = (change: Partial<VideoItem>) => {
      if (alive()) setVideo((v) => (v ? { ...v, ...change } : v))
    }
    patch({ state: 'uploading', error: undefined })
    let fileID = item.fileID
    if (!fileID) {
      const sent = await uploadFile(item.path, (progress) => patch({ progress }))
      if (!sent.ok) return patch({ state: 'failed', error: sent.message })
      fileID = sent.data.fileID
      patch({ fileID, progress: 100 })
    }
    const cover = item.coverID ? { ok: true as const, data: { fileID: item.coverID } } : await uploadFile(item.coverPath ?? '')
    patch(cover.ok ? { state: 'done', coverID: cover.data.fileID } : { state: 'failed', error: cover.message })
  }

  const choose = async () => {
    const picked = await chooseVideo({ maxDuration: WORK_LIMITS.videoSecondsMax })
    if (!picked) return
    const refused = videoProblem(picked)
    setProblem(refused ?? '')
    if (refused) return
    const item: VideoItem = { ...picked, state: 'uploading', progress: 0 }
    setVideo(item)
    await upload(item)
  }

  const retry = () => {
    if (video) void upload(video)
  }

  return { video, problem, choose, retry }
}
