// WeChat upload: straight to cloud storage with wx.cloud.uploadFile; the function only receives the
// fileID. The path is random per file, under the day it was uploaded.
import Taro from '@tarojs/taro'
import { fail, ok, type Result } from '@/contract'

export interface Uploaded {
  fileID: string
}

function randomName(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

export async function uploadFile(tempFilePath: string): Promise<Result<Uploaded>> {
  const ext = (/\.([A-Za-z0-9]{2,5})$/.exec(tempFilePath)?.[1] ?? 'bin').toLowerCase()
  const day = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `uploads/${day}/${randomName()}.${ext}`, filePath: tempFilePath })
    return ok({ fileID: res.fileID })
  } catch {
    return fail('NETWORK', '上传失败，请检查网络后重试')
  }
}
