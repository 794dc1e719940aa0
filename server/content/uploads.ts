// Organisers' images for content (festival banner, lecture cover, expert photo, offer image): the same
// path as a work's photo, with its own tickets. `uploadTicket` (organisers only) checks the type and the
// size (CONTENT_IMAGE_BYTES_MAX), and records a random storage path under uploads/ (the only prefix the
// storage rule lets a client write; `content-` keeps it apart from works' tickets, so a content image can
// never be submitted as a work) with its owner in contentUploads; the app then uploads there with
// wx.cloud.uploadFile, or locally through the gateway, which checks the owner, the size and the file's
// magic bytes against the declared type. Content images are kept (no purge): published content uses them.
import { randomBytes } from 'node:crypto'
import { CONTENT_IMAGE_BYTES_MAX, type ContentImageExt } from '../../src/contract/content'
import type { UploadTicket } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { requireOrganiser } from '../shared/staff-roles'

export interface ContentUploadDoc {
  _id: string
  cloudPath: string
  owner: string
  kind: 'image'
  ext: ContentImageExt
  /** Declared size in bytes (the local gateway refuses more). */
  size: number
  /** Epoch ms when the ticket was issued. */
  t: number
  at: string
  used: boolean
}

export const contentUploadPath = (id: string, ext: string) => `uploads/content-${id}.${ext}`

export async function contentUploadTicket(input: { ext: ContentImageExt; size: number }, ctx: Ctx): Promise<Result<UploadTicket>> {
  const organiser = await requireOrganiser(ctx)
  if (!organiser.ok) return fail('FORBIDDEN', '只有文化节组委会可以上传内容图片')
  if (input.size > CONTENT_IMAGE_BYTES_MAX) {
    const message = `图片超过 ${CONTENT_IMAGE_BYTES_MAX / 1024 / 1024} MB，请压缩或换一张再上传`
    return fail('PAYLOAD_TOO_LARGE', message, [{ path: 'size', message }])
  }
  const now = ctx.now()
  const id = randomBytes(16).toString('hex')
  const doc: ContentUploadDoc = {
    _id: id, cloudPath: contentUploadPath(id, input.ext), owner: ctx.openid, kind: 'image', ext: input.ext, size: input.size, t: now.getTime(), at: toChinaIsoMs(now), used: false,
  }
  await ctx.db.collection(COLLECTIONS.contentUploads).add({ data: doc })
  return ok({ ticket: id, cloudPath: doc.cloudPath })
}
