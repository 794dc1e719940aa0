// Local upload, the same path as WeChat's: the selection function issues a ticket (a random storage
// path, counted against the person's daily upload quota), then the h5 app reads the chosen file (a
// blob: URL from the file chooser) and POSTs its bytes to the gateway with the ticket; the gateway
// stores them at the ticket's path in the local service and answers with the fileID. XMLHttpRequest
// rather than fetch, because only it reports upload progress (a video may be tens of MB).
import { fail, ok, type Result } from '@/contract'
import type { UploadExt } from '@/contract/selection'
import { contentImageExt, contentVideoExt, NOT_A_VIDEO, NOT_AN_IMAGE } from '@/contract/content'
import type { UploadTicket } from '@/contract/selection-views'
import { call } from './client'

export interface Uploaded {
  fileID: string
}

const EXT_OF_TYPE: Record<string, UploadExt> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
}

/** A lecture video's ticket (content.videoTicket): the festival it is for, and its length and name when read. */
export interface LectureVideoTicket {
  festivalId: string
  durationSec?: number
  name?: string
}

/** Who issues the ticket: the selection function (a work's files) or the content function (an organiser's content image, or a lecture video). */
export type TicketFrom = 'selection' | 'content' | { video: LectureVideoTicket }

async function ticketFor(from: TicketFrom, ext: UploadExt, size: number): Promise<Result<UploadTicket>> {
  if (from === 'selection') return call('selection', 'uploadTicket', { ext, size })
  if (typeof from === 'object') {
    const video = contentVideoExt(ext)
    return video ? call('content', 'videoTicket', { ...from.video, ext: video, size }) : fail('INVALID_INPUT', NOT_A_VIDEO)
  }
  const image = contentImageExt(ext)
  return image ? call('content', 'uploadTicket', { ext: image, size }) : fail('INVALID_INPUT', NOT_AN_IMAGE)
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
  if (!ext) return fail('INVALID_INPUT', from === 'content' ? NOT_AN_IMAGE : typeof from === 'object' ? NOT_A_VIDEO : '只能上传 JPG、PNG、WEBP 格式的照片或 MP4、MOV、WEBM 格式的视频，请换一个文件')
  const ticket = await ticketFor(from, ext, blob.size)
  if (!ticket.ok) return ticket
  const sent = await send(ticket.data, blob, onProgress)
  return sent.ok && typeof from === 'object' ? recorded(ticket.data.ticket, sent.data.fileID) : sent
}

/** A lecture video in storage is recorded on its ticket, so it can be picked again (content.videoUploaded). */
async function recorded(ticket: string, fileID: string): Promise<Result<Uploaded>> {
  const res = await call('content', 'videoUploaded', { ticket, fileID })
  return res.ok ? ok({ fileID }) : res
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
