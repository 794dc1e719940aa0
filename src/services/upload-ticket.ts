// The ticket around every upload, the same on both platforms: which function issues it (the selection
// for a work's files, content for an organiser's image or lecture video), the refusal of a file type
// that ticket does not take, and, for a lecture video, recording the stored fileID on its ticket
// (content.videoUploaded) so it can be picked again. Only the bytes' journey differs per platform
// (upload.h5.ts: XMLHttpRequest to the gateway; upload.weapp.ts: wx.cloud.uploadFile).
import { fail, ok, type Result } from '@/contract'
import type { UploadExt } from '@/contract/selection'
import { contentImageExt, contentVideoExt, NOT_A_VIDEO, NOT_AN_IMAGE } from '@/contract/content'
import type { UploadTicket } from '@/contract/selection-views'
import { call } from './client'

export interface Uploaded {
  fileID: string
}

/** A lecture video's ticket (content.videoTicket): the festival it is for, and its length and name when read. */
export interface LectureVideoTicket {
  festivalId: string
  durationSec?: number
  name?: string
}

/** Who issues the ticket: the selection function (a work's files) or the content function (an organiser's content image, or a lecture video). */
export type TicketFrom = 'selection' | 'content' | { video: LectureVideoTicket }

/** What to say when the file is of no type the ticket takes. */
export function wrongTypeText(from: TicketFrom): string {
  if (from === 'content') return NOT_AN_IMAGE
  if (typeof from === 'object') return NOT_A_VIDEO
  return '只能上传 JPG、PNG、WEBP 格式的照片或 MP4、MOV、WEBM 格式的视频，请换一个文件'
}

function ticketFor(from: TicketFrom, ext: UploadExt, size: number): Promise<Result<UploadTicket>> {
  if (from === 'selection') return call('selection', 'uploadTicket', { ext, size })
  if (typeof from === 'object') {
    const video = contentVideoExt(ext)
    return video ? call('content', 'videoTicket', { ...from.video, ext: video, size }) : Promise.resolve(fail('INVALID_INPUT', NOT_A_VIDEO))
  }
  const image = contentImageExt(ext)
  return image ? call('content', 'uploadTicket', { ext: image, size }) : Promise.resolve(fail('INVALID_INPUT', NOT_AN_IMAGE))
}

/** Asks for the ticket, sends the bytes with `send`, and records a lecture video once stored. */
export async function ticketedUpload(
  from: TicketFrom, ext: UploadExt, size: number, send: (ticket: UploadTicket) => Promise<Result<Uploaded>>,
): Promise<Result<Uploaded>> {
  const ticket = await ticketFor(from, ext, size)
  if (!ticket.ok) return ticket
  const sent = await send(ticket.data)
  if (!sent.ok || typeof from !== 'object') return sent
  const res = await call('content', 'videoUploaded', { ticket: ticket.data.ticket, fileID: sent.data.fileID })
  return res.ok ? ok({ fileID: sent.data.fileID }) : res
}
