// WeChat upload: the selection function issues a ticket (a random storage path with no openid in it,
// recorded for this person and counted against their daily upload quota), then the file goes straight
// to cloud storage at that path with wx.cloud.uploadFile; `submit` accepts only fileIDs of the caller's
// own tickets. The callback form is used so the upload task reports progress (a video may be tens of MB).
import Taro from '@tarojs/taro'
import { fail, ok, type Result } from '@/contract'
import { UPLOAD_EXTS, type UploadExt } from '@/contract/selection'
import { contentImageExt, contentVideoExt, NOT_A_VIDEO, NOT_AN_IMAGE } from '@/contract/content'
import type { UploadTicket } from '@/contract/selection-views'
import { call } from './client'

export interface Uploaded {
  fileID: string
}

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
  const ext = extOf(tempFilePath)
  if (!ext) return fail('INVALID_INPUT', from === 'content' ? NOT_AN_IMAGE : typeof from === 'object' ? NOT_A_VIDEO : '只能上传 JPG、PNG、WEBP 格式的照片或 MP4、MOV、WEBM 格式的视频，请换一个文件')
  const size = await sizeOf(tempFilePath)
  if (!size) return fail('INVALID_INPUT', '读取不到这个文件，请重新选择')
  const ticket = await ticketFor(from, ext, size)
  if (!ticket.ok) return ticket
  const sent = await send(ticket.data, tempFilePath, onProgress)
  return sent.ok && typeof from === 'object' ? recorded(ticket.data.ticket, sent.data.fileID) : sent
}

/** A lecture video in storage is recorded on its ticket, so it can be picked again (content.videoUploaded). */
async function recorded(ticket: string, fileID: string): Promise<Result<Uploaded>> {
  const res = await call('content', 'videoUploaded', { ticket, fileID })
  return res.ok ? ok({ fileID }) : res
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
