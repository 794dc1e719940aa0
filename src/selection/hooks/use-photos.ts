// The photos of a work being written: choose up to the limit, upload each as soon as it is chosen
// (one after another, so a low-end phone is not flooded), retry a failed one, remove one.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { WORK_LIMITS } from '@/contract/selection'
import { uploadFile } from '../../services/upload'
import { chooseImages } from '../utils/choose-images'
import { IMAGE_BYTES_MAX, type PhotoItem } from '../utils/picked'

export function usePhotos() {
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const seq = useRef(0)
  const patch = (key: string, change: Partial<PhotoItem>) => setPhotos((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)))

  const upload = async (item: PhotoItem) => {
    patch(item.key, { state: 'uploading' })
    const result = await uploadFile(item.path)
    patch(item.key, result.ok ? { state: 'done', fileID: result.data.fileID } : { state: 'failed' })
    if (!result.ok && result.code !== 'NETWORK') Taro.showToast({ title: result.message, icon: 'none', duration: 4000 }).catch(() => undefined)
  }

  const add = async () => {
    const room = WORK_LIMITS.imagesMax - photos.length
    if (room <= 0) return
    const picked = await chooseImages(room)
    if (!picked || picked.length === 0) return
    const fitting = picked.filter((p) => p.size <= IMAGE_BYTES_MAX).slice(0, room)
    if (fitting.length < picked.length) {
      Taro.showToast({ title: '有照片超过 10 MB 或超出 9 张，已略去', icon: 'none' }).catch(() => undefined)
    }
    const items = fitting.map((p): PhotoItem => ({ ...p, key: `p${++seq.current}`, state: 'uploading' }))
    setPhotos((all) => [...all, ...items])
    for (const item of items) await upload(item)
  }

  const remove = (key: string) => setPhotos((all) => all.filter((p) => p.key !== key))
  const retry = (item: PhotoItem) => void upload(item)

  return { photos, add, remove, retry }
}
