// WeChat upload: straight to cloud storage with wx.cloud.uploadFile; the function only receives the
// fileID. The path is random per file, under the day it was uploaded. The callback form is used so the
// upload task reports progress (a video may be tens of MB).
import Taro from '@tarojs/taro'
import { fail, ok, type Result } from '@/contract'

export interface Uploaded {
  fileID: string
}

function randomName(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

/** `onProgress` gets whole percentages (0–100) while the bytes go up. */
export function uploadFile(tempFilePath: string, onProgress?: (percent: number) => void): Promise<Result<Uploaded>> {
  const ext = (/\.([A-Za-z0-9]{2,5})$/.exec(tempFilePath)?.[1] ?? 'bin').toLowerCase()
  const day = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
  return new Promise((resolve) => {
    const task = Taro.cloud.uploadFile({
      cloudPath: `uploads/${day}/${randomName()}.${ext}`,
      filePath: tempFilePath,
      success: (res) => resolve(ok({ fileID: res.fileID })),
      fail: () => resolve(fail('NETWORK', '上传失败，请检查网络后重试')),
    })
    if (onProgress) task?.onProgressUpdate?.((p) => onProgress(p.progress))
  })
}
