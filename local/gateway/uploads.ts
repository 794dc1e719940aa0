// Local stand-in for the mini-program's direct upload to cloud storage (wx.cloud.uploadFile). As in
// WeChat, the app first asks the selection function for an upload ticket (`uploadTicket`: a random
// path, counted against the person's daily quota) — or, for an organiser's content image, the content
// function (`content.uploadTicket`, recorded in contentUploads) — then POSTs the file's bytes here with
// `?ticket=<id>`; the gateway writes them exactly at the ticket's path through wx-server-sdk and records
// the fileID on the ticket. Only the ticket's owner may use it, once, within an hour, for a file of the
// ticket's type and at most its declared size. The claimed type must match the file's magic bytes, and
// sizes are capped per kind: photos at 10 MB, videos (MP4, MOV, and WEBM as browsers record it) at the
// work limit, WORK_LIMITS.videoBytesMax — or, for an organiser's lecture video (a content ticket), at
// CONTENT_VIDEO_BYTES_MAX (500 MB). The bytes are held in a temporary file while they arrive, not in
// memory, and streamed from it into storage.
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ReadStream } from 'node:fs'
import type { DB } from 'wx-server-sdk'
import { CONTENT_VIDEO_BYTES_MAX } from '../../src/contract/content'
import { ok } from '../../src/contract/result'
import { UPLOAD_QUOTA, WORK_LIMITS } from '../../src/contract/selection'
import { COLLECTIONS } from '../../server/core/collections'
import { getFirst } from '../../server/core/db'
import { BodyTooLarge, ClientGone, sendFail, sendJson } from './http-util'

/** A ticket's bytes are accepted for this long after it was issued (server/selection/uploads.ts). */
const TICKET_UPLOAD_MS = 3600 * 1000

interface Ticket {
  _id: string
  cloudPath: string
  owner: string
  ext: string
  size: number
  t: number
  used: boolean
  fileID?: string
}

interface Kind {
  /** Ticket extensions this type may fill. */
  exts: string[]
  noun: '照片' | '视频'
  maxBytes: number
  matches: (head: Buffer) => boolean
}

const MB = 1024 * 1024
const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b)

const isoBox = (h: Buffer, boxes: string[]) => boxes.includes(h.subarray(4, 8).toString('latin1'))
const image = (exts: string[], matches: Kind['matches']): Kind => ({ exts, noun: '照片', maxBytes: UPLOAD_QUOTA.photoBytesMax, matches })
const video = (exts: string[], matches: Kind['matches']): Kind => ({ exts, noun: '视频', maxBytes: WORK_LIMITS.videoBytesMax, matches })

export const UPLOAD_KINDS: Record<string, Kind> = {
  'image/jpeg': image(['jpg', 'jpeg'], (h) => startsWith(h, [0xff, 0xd8, 0xff])),
  'image/png': image(['png'], (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47])),
  'image/webp': image(['webp'], (h) => startsWith(h, [0x52, 0x49, 0x46, 0x46]) && startsWith(h, [0x57, 0x45, 0x42, 0x50], 8)),
  'video/mp4': video(['mp4'], (h) => isoBox(h, ['ftyp'])),
  'video/quicktime': video(['mov'], (h) => isoBox(h, ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip'])),
  'video/webm': video(['webm'], (h) => startsWith(h, [0x1a, 0x45, 0xdf, 0xa3])),
}

interface UploadingCloud {
  uploadFile(param: { cloudPath: string; fileContent: Buffer | ReadStream }): Promise<{ fileID: string }>
  database(): DB.Database
}

const TICKET_INVALID = '上传凭证无效、已用过或已过期，请重新选择文件上传'

interface Spooled {
  size: number
  /** The first 16 bytes (fewer for a shorter file), for the magic-byte check. */
  head: Buffer
}

/** Writes the body to `file`, refusing (without keeping the rest) once it passes `limit` bytes. */
function spoolBody(req: IncomingMessage, limit: number, file: string): Promise<Spooled> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume()
      reject(new BodyTooLarge())
      return
    }
    const out = createWriteStream(file)
    const heads: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (error: Error | null) => {
      if (settled) return
      settled = true
      if (error) {
        req.unpipe(out)
        req.resume()
        out.destroy()
        reject(error)
      } else resolve({ size, head: Buffer.concat(heads).subarray(0, 16) })
    }
    req.on('data', (chunk: Buffer) => {
      if (size < 16) heads.push(chunk.subarray(0, 16 - size))
      size += chunk.length
      if (size > limit) finish(new BodyTooLarge())
    })
    req.on('aborted', () => finish(new ClientGone()))
    req.on('error', () => finish(new ClientGone()))
    req.on('close', () => { if (!req.complete) finish(new ClientGone()) })
    out.on('error', (error) => finish(error))
    out.on('finish', () => finish(null))
    req.pipe(out)
  })
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, cloud: UploadingCloud, openid: string): Promise<void> {
  if (req.method !== 'POST') return sendFail(res, 'INVALID_INPUT', '请使用 POST 上传文件')
  const refuse = (code: Parameters<typeof sendFail>[1], message: string) => {
    req.resume()
    sendFail(res, code, message)
  }
  const ticketId = new URL(req.url ?? '/', 'http://local').searchParams.get('ticket') ?? ''
  if (!/^[0-9a-f]{32}$/.test(ticketId)) return refuse('INVALID_INPUT', '缺少上传凭证，请更新页面后重新选择文件上传')
  const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const kind = UPLOAD_KINDS[type]
  if (!kind) return refuse('INVALID_INPUT', '只能上传 JPG、PNG、WEBP 格式的照片或 MP4、MOV、WEBM 格式的视频，请换一个文件')
  const db = cloud.database()
  const work = await getFirst<Ticket>(db.collection(COLLECTIONS.selectionUploads).where({ _id: ticketId }).limit(1))
  const tickets = db.collection(work ? COLLECTIONS.selectionUploads : COLLECTIONS.contentUploads)
  const ticket = work ?? await getFirst<Ticket>(tickets.where({ _id: ticketId }).limit(1))
  if (!ticket || ticket.owner !== openid || ticket.used || ticket.fileID || Date.now() - ticket.t > TICKET_UPLOAD_MS) return refuse('FORBIDDEN', TICKET_INVALID)
  if (!kind.exts.includes(ticket.ext)) return refuse('INVALID_INPUT', `文件格式与申请上传时不符，请重新选择${kind.noun}`)
  const maxBytes = !work && kind.noun === '视频' ? CONTENT_VIDEO_BYTES_MAX : kind.maxBytes
  const dir = await mkdtemp(join(tmpdir(), 'gateway-upload-'))
  try {
    const file = join(dir, 'body')
    let body: Spooled
    try {
      body = await spoolBody(req, Math.min(maxBytes, ticket.size), file)
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return sendFail(res, 'PAYLOAD_TOO_LARGE', ticket.size < maxBytes ? `${kind.noun}比申请上传时声明的大，请重新选择文件上传` : `${kind.noun}超过 ${maxBytes / MB} MB，请压缩后再上传`)
      }
      throw error
    }
    if (body.size === 0) return sendFail(res, 'INVALID_INPUT', '文件是空的，请重新选择')
    if (!kind.matches(body.head)) return sendFail(res, 'INVALID_INPUT', `文件内容与所选格式不符，请重新选择${kind.noun}`)
    const { fileID } = await cloud.uploadFile({ cloudPath: ticket.cloudPath, fileContent: createReadStream(file) })
    await tickets.doc(ticket._id).update({ data: { fileID } })
    sendJson(res, 200, ok({ fileID, size: body.size, contentType: type }))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
