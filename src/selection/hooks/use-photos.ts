// The photos of a work being written: choose up to the limit (photos past it, over 10 MB, files that are
// not photos or cannot be opened are refused with a message saying which and why before anything uploads,
// and the photos already chosen stay), upload each as soon as it is chosen
// (one after another, so a low-end phone is not flooded), retry a failed one, remove one.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { WORK_LIMITS } from '@/contract/selection'
import { uploadFile } from '../../services/upload'
import { chooseImages } from '../utils/choose-images'
import { IMAGE_BYTES_MAX, type PhotoItem } from '../utils/picked'
import { useRedo } from './use-redo'

/** Why some chosen files were not taken, said before any upload starts; empty when all were taken. */
export function refusedText(tooLarge: number, overLimit: number, max: number, problems: readonly string[] = []): string {
  const parts: string[] = [...problems]
  if (tooLarge > 0) parts.push(`${tooLarge} 张照片超过 10 MB，请换一张小一些的照片`)
  if (overLimit > 0) parts.push(`每件作品最多 ${max} 张照片，多选的 ${overLimit} 张没有上传`)
  return parts.length > 0 ? `${parts.join('；')}。` : ''
}

function tell(title: string, content: string): void {
  Taro.showModal({ title, content, showCancel: false, confirmText: '知道了' }).catch(() => undefined)
}

export function usePhotos(max: number = WORK_LIMITS.imagesMax) {
  const redo = useRedo()
  const [photos, setPhotos] = useState<PhotoItem[]>(() =>
    (redo?.draft?.images ?? []).map((image, i): PhotoItem => ({ key: `kept${i}`, path: image.url, size: 0, state: 'done', fileID: image.fileID })))
  const seq = useRef(0)
  const patch = (key: string, change: Partial<PhotoItem>) => setPhotos((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)))

  const upload = async (item: PhotoItem) => {
    patch(item.key, { state: 'uploading' })
    const result = await uploadFile(item.path)
    patch(item.key, result.ok ? { state: 'done', fileID: result.data.fileID } : { state: 'failed' })
    if (!result.ok && result.code !== 'NETWORK') Taro.showToast({ title: result.message, icon: 'none', duration: 4000 }).catch(() => undefined)
  }

  const add = async () => {
    const room = max - photos.length
    if (room <= 0) {
      tell('照片已满', `每件作品最多 ${max} 张照片。要换一张，请先删去一张再添加。`)
      return
    }
    const chosen = await chooseImages(room)
    if (!chosen) return
    const picked = chosen.photos
    const small = picked.filter((p) => p.size <= IMAGE_BYTES_MAX)
    const fitting = small.slice(0, room)
    const refused = refusedText(picked.length - small.length, small.length - fitting.length, max, chosen.problems)
    if (refused) tell('有照片没有添加', refused)
    const items = fitting.map((p): PhotoItem => ({ ...p, key: `p${++seq.current}`, state: 'uploading' }))
    setPhotos((all) => [...all, ...items])
    for (const item of items) await upload(item)
  }

  const remove = (key: string) => setPhotos((all) => all.filter((p) => p.key !== key))
  const retry = (item: PhotoItem) => void upload(item)

  return { photos, add, remove, retry }
}
