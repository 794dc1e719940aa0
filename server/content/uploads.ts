// Organisers' images for content (festival banner, lecture cover, expert photo, offer image): the same
// path as a work's photo, with its own tickets. `uploadTicket` (organisers only) checks the type and the
// size (CONTENT_IMAGE_BYTES_MAX), and records a random storage path under uploads/ (the only prefix the
// storage rule lets a client write; `content-` keeps it apart from works' tickets, so a content image can
// never be submitted as a work) with its owner in contentUploads; the app then uploads there with
// wx.cloud.uploadFile, or locally through the gateway, which checks the owner, the size and the file's
// magic bytes against the declared type. Content images are kept (no purge): published content uses them.
// Lecture videos take the same path with `videoTicket` (their own limit, CONTENT_VIDEO_BYTES_MAX, and the
// festival they are for); once stored, `videoUploaded` records the fileID on the ticket (the local gateway
// has recorded it already; in WeChat only the app learns it from wx.cloud.uploadFile), and `videos` lists a
// festival's uploaded lecture videos so an organiser can pick one again instead of uploading it twice.
import { randomBytes } from 'node:crypto'
import {
  CONTENT_IMAGE_BYTES_MAX, CONTENT_VIDEO_BYTES_MAX, type ContentImageExt, type ContentVideo, type ContentVideoExt,
} from '../../src/contract/content'
import type { UploadTicket } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { requireOrganiser } from '../shared/staff-roles'
import { tempUrls, urlOf } from '../shared/work-files'
import { getDocs, getFirst } from '../core/db'

export interface ContentUploadDoc {
  _id: string
  cloudPath: string
  owner: string
  kind: 'image' | 'video'
  ext: ContentImageExt | ContentVideoExt
  /** Videos: the festival whose lectures it is for, its length when read, and the device's file name. */
  festivalId?: string
  durationSec?: number | null
  name?: string
  /** Set once the file is in storage (by the local gateway, or by `videoUploaded`). */
  fileID?: string
  uploaded?: boolean
  /** Declared size in bytes (the local gateway refuses more). */
  size: number
  /** Epoch ms when the ticket was issued. */
  t: number
  at: string
  used: boolean
}

const contentUploadPath = (id: string, ext: string) => `uploads/content-${id}.${ext}`

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

const NOT_ORGANISER_VIDEO = '只有文化节组委会可以上传讲座视频'
const MB = 1024 * 1024
/** How many earlier videos 从已上传的视频中选择 offers. */
const CONTENT_VIDEO_LIST_MAX = 20

export async function contentVideoTicket(
  input: { festivalId: string; ext: ContentVideoExt; size: number; durationSec?: number; name?: string }, ctx: Ctx,
): Promise<Result<UploadTicket>> {
  const organiser = await requireOrganiser(ctx)
  if (!organiser.ok) return fail('FORBIDDEN', NOT_ORGANISER_VIDEO)
  if (input.size > CONTENT_VIDEO_BYTES_MAX) {
    const message = `视频有 ${(input.size / MB).toFixed(1)} MB，超过 ${CONTENT_VIDEO_BYTES_MAX / MB} MB。请压缩（如导出为 720p）后再上传`
    return fail('PAYLOAD_TOO_LARGE', message, [{ path: 'size', message }])
  }
  const festival = await getFirst(ctx.db.collection(COLLECTIONS.festivals).where({ _id: input.festivalId }).field({ _id: true }).limit(1))
  if (!festival) return fail('NOT_FOUND', '找不到这届文化节，请返回内容管理后重试')
  const now = ctx.now()
  const id = randomBytes(16).toString('hex')
  const doc: ContentUploadDoc = {
    _id: id, cloudPath: contentUploadPath(id, input.ext), owner: ctx.openid, kind: 'video', ext: input.ext, size: input.size,
    festivalId: input.festivalId, durationSec: input.durationSec ?? null, name: input.name ?? '', t: now.getTime(), at: toChinaIsoMs(now), used: false, uploaded: false,
  }
  await ctx.db.collection(COLLECTIONS.contentUploads).add({ data: doc })
  return ok({ ticket: id, cloudPath: doc.cloudPath })
}

const videoOf = (doc: ContentUploadDoc, urls: Map<string, string>): ContentVideo => ({
  fileID: doc.fileID ?? '', url: urlOf(urls, doc.fileID), size: doc.size, durationSec: doc.durationSec ?? null, name: doc.name ?? '', at: doc.at,
})

export async function contentVideoUploaded(input: { ticket: string; fileID: string }, ctx: Ctx): Promise<Result<ContentVideo>> {
  const organiser = await requireOrganiser(ctx)
  if (!organiser.ok) return fail('FORBIDDEN', NOT_ORGANISER_VIDEO)
  const uploads = ctx.db.collection(COLLECTIONS.contentUploads)
  const doc = await getFirst<ContentUploadDoc>(uploads.where({ _id: input.ticket }).limit(1))
  const invalid = '上传凭证无效，请重新选择视频上传'
  if (!doc || doc.kind !== 'video' || doc.owner !== ctx.openid) return fail('FORBIDDEN', invalid)
  if (!input.fileID.endsWith(`/${doc.cloudPath}`) || (doc.fileID && doc.fileID !== input.fileID)) return fail('INVALID_INPUT', '文件编号与上传凭证不符，请重新上传视频')
  const urls = await tempUrls([input.fileID])
  if (!urlOf(urls, input.fileID)) return fail('INVALID_INPUT', '视频没有上传成功，请重新上传')
  const saved = { ...doc, fileID: input.fileID, uploaded: true }
  if (!doc.uploaded) await uploads.doc(doc._id).update({ data: { fileID: input.fileID, uploaded: true } })
  return ok(videoOf(saved, urls))
}

export async function contentVideos(festivalId: string, ctx: Ctx): Promise<Result<ContentVideo[]>> {
  const organiser = await requireOrganiser(ctx)
  if (!organiser.ok) return fail('FORBIDDEN', '只有文化节组委会可以查看已上传的讲座视频')
  const docs = await getDocs<ContentUploadDoc>(ctx.db.collection(COLLECTIONS.contentUploads)
    .where({ festivalId, kind: 'video', uploaded: true })
    .orderBy('t', 'desc')
    .limit(CONTENT_VIDEO_LIST_MAX))
  const urls = await tempUrls(docs.map((d) => d.fileID))
  return ok(docs.filter((d) => urlOf(urls, d.fileID) !== '').map((d) => videoOf(d, urls)))
}
