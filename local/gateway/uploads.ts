// Local stand-in for the mini-program's direct upload to cloud storage (wx.cloud.uploadFile): the h5
// app POSTs the file's bytes here and gets a fileID back, stored through wx-server-sdk in the local
// service. The claimed type must match the file's magic bytes, and sizes are capped per kind: photos at
// 10 MB, videos (MP4, MOV, and WEBM as browsers record it) at the work limit, WORK_LIMITS.videoBytesMax.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ok } from '../../src/contract/result'
import { WORK_LIMITS } from '../../src/contract/selection'
import { BodyTooLarge, readBody, sendFail, sendJson } from './http-util'

interface Kind {
  ext: string
  noun: '照片' | '视频'
  maxBytes: number
  matches: (head: Buffer) => boolean
}

const MB = 1024 * 1024
const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b)

const isoBox = (h: Buffer, boxes: string[]) => boxes.includes(h.subarray(4, 8).toString('latin1'))
const image = (ext: string, matches: Kind['matches']): Kind => ({ ext, noun: '照片', maxBytes: 10 * MB, matches })
const video = (ext: string, matches: Kind['matches']): Kind => ({ ext, noun: '视频', maxBytes: WORK_LIMITS.videoBytesMax, matches })

export const UPLOAD_KINDS: Record<string, Kind> = {
  'image/jpeg': image('jpg', (h) => startsWith(h, [0xff, 0xd8, 0xff])),
  'image/png': image('png', (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47])),
  'image/webp': image('webp', (h) => startsWith(h, [0x52, 0x49, 0x46, 0x46]) && startsWith(h, [0x57, 0x45, 0x42, 0x50], 8)),
  'video/mp4': video('mp4', (h) => isoBox(h, ['ftyp'])),
  'video/quicktime': video('mov', (h) => isoBox(h, ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip'])),
  'video/webm': video('webm', (h) => startsWith(h, [0x1a, 0x45, 0xdf, 0xa3])),
}

interface UploadingCloud {
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, cloud: UploadingCloud, openid: string): Promise<void> {
  if (req.method !== 'POST') return sendFail(res, 'INVALID_INPUT', '请使用 POST 上传文件')
  const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const kind = UPLOAD_KINDS[type]
  if (!kind) return sendFail(res, 'INVALID_INPUT', '只能上传 JPG、PNG、WEBP 格式的照片或 MP4、MOV、WEBM 格式的视频，请换一个文件')
  let body: Buffer
  try {
    body = await readBody(req, kind.maxBytes)
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      return sendFail(res, 'PAYLOAD_TOO_LARGE', `${kind.noun}超过 ${kind.maxBytes / MB} MB，请压缩后再上传`)
    }
    throw error
  }
  if (body.length === 0) return sendFail(res, 'INVALID_INPUT', '文件是空的，请重新选择')
  if (!kind.matches(body.subarray(0, 16))) return sendFail(res, 'INVALID_INPUT', `文件内容与所选格式不符，请重新选择${kind.noun}`)
  const day = new Date().toISOString().slice(0, 10)
  const owner = openid.replace(/[^A-Za-z0-9_-]/g, '').slice(-24) || 'anonymous'
  const cloudPath = `uploads/${day}/${owner}/${randomBytes(12).toString('hex')}.${kind.ext}`
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: body })
  sendJson(res, 200, ok({ fileID, size: body.length, contentType: type }))
}
