// WeChat upload: the selection function issues a ticket (a random storage path with no openid in it,
// recorded for this person and counted against their daily upload quota), then the file goes straight
// to cloud storage at that path with wx.cloud.uploadFile; `submit` accepts only fileIDs of the caller's
// own tickets. The callback form is used so the upload task reports progress (a video may be tens of MB).
import Taro from '@tarojs/taro'
import { fail, ok, type Result } from '@/contract'
import { UPLOAD_EXTS, type UploadExt } from '@/contract/selection'
import type { UploadTicket } from '@/contract/selection-views'
import { ticketedUpload, wrongTypeText, type TicketFrom, type Uploaded } from './upload-ticket'

function extOf(path: string): UploadExt | null {
  const ext = (/\.([A-Za-z0-9]{2,5})$/.exec(path)?.[1] ?? '').toLowerCase()
  return (UPLOAD_EXTS as readonly string[]).includes(ext) ? (ext as UploadExt) : null
}

function sizeOf(filePath: string): Promise<number | null> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath,
      success: (res) => resolve(res.size),
      fail: () => resolve(null),
    })
  })
}

/** `onProgress` gets whole percentages (0–100) while the bytes go up. */
export async function uploadFile(tempFilePath: string, onProgress?: (percent: number) => void, from: TicketFrom = 'selection'): Promise<Result<Uploaded>> {
  const ext = extOf(tempFilePath)
  if (!ext) return fail('INVALID_INPUT', wrongTypeText(from))
  const size = await sizeOf(tempFilePath)
  if (!size) return fail('INVALID_INPUT', '读取不到这个文件，请重新选择')
  return ticketedUpload(from, ext, size, (ticket) => send(ticket, tempFilePath, onProgress))
}

function send(ticket: UploadTicket, tempFilePath: string, onProgress?: (percent: number) => void): Promise<Result<Uploaded>> {
  return new Promise((resolve) => {
    const task = Taro.cloud.uploadFile({
      cloudPath: ticket.cloudPath,
      filePath: tempFilePath,
      success: (res) => resolve(ok({ fileID: res.fileID })),
      fail: () => resolve(fail('NETWORK', '上传失败，请检查网络后重试')),
    })
    if (onProgress) task?.onProgressUpdate?.((p) => onProgress(p.progress))
  })
}
