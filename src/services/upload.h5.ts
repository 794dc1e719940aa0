// Local upload, the same path as WeChat's: the selection function issues a ticket (a random storage
// path, counted against the person's daily upload quota), then the h5 app reads the chosen file (a
// blob: URL from the file chooser) and POSTs its bytes to the gateway with the ticket; the gateway
// stores them at the ticket's path in the local service and answers with the fileID. XMLHttpRequest
// rather than fetch, because only it reports upload progress (a video may be tens of MB).
import { fail, type Result } from '@/contract'
import type { UploadExt } from '@/contract/selection'
import type { UploadTicket } from '@/contract/selection-views'
import { ticketedUpload, wrongTypeText, type TicketFrom, type Uploaded } from './upload-ticket'

const EXT_OF_TYPE: Record<string, UploadExt> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
}

/** `onProgress` gets whole percentages (0–100) while the bytes go up. */
export async function uploadFile(tempFilePath: string, onProgress?: (percent: number) => void, from: TicketFrom = 'selection'): Promise<Result<Uploaded>> {
  let blob: Blob
  try {
    blob = await (await fetch(tempFilePath)).blob()
  } catch {
    return fail('INVALID_INPUT', '读取不到这个文件，请重新选择')
  }
  const ext = EXT_OF_TYPE[blob.type]
  if (!ext) return fail('INVALID_INPUT', wrongTypeText(from))
  return ticketedUpload(from, ext, blob.size, (ticket) => send(ticket, blob, onProgress))
}

function send(ticket: UploadTicket, blob: Blob, onProgress?: (percent: number) => void): Promise<Result<Uploaded>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/upload?ticket=${encodeURIComponent(ticket.ticket)}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('content-type', blob.type)
    xhr.upload.onprogress = (e) => {
      if (onProgress && e.lengthComputable && e.total > 0) onProgress(Math.floor((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as Result<Uploaded>
        resolve(body.ok ? { ok: true, data: { fileID: body.data.fileID } } : body)
      } catch {
        resolve(fail('NETWORK', '上传失败，请检查网络后重试'))
      }
    }
    xhr.onerror = () => resolve(fail('NETWORK', '上传失败，请检查网络后重试'))
    xhr.send(blob)
  })
}
