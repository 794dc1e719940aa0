// The `content` function: lectures (科普大讲堂), experts (智库) and discount-week offers (惠民活动周) for
// residents, the staff's redeeming of claimed offers, and organisers' editing of the festival's content
// (drafts, publish with audit, new editions; edit-contract.ts). Input schemas and output types side by side.
import * as z from 'zod'
import { c, defineContract } from './define'
import { idSchema } from './ids'
import { plainText } from './plain-text'
import type {
  ClaimResult, ContentVideo, ExpertDetail, ExpertDirectory, LectureDetail, LecturePage, LectureProgress, MyClaim, OffersView, RedeemResult, ViewResult,
} from './content'
import { CONTENT_IMAGE_EXTS, CONTENT_VIDEO_EXTS, CONTENT_VIDEO_SECONDS_MAX, LECTURE_TOPICS, NOT_A_VIDEO, NOT_AN_IMAGE } from './content'
import type { UploadTicket } from './selection-views'
import { editActions } from './edit-contract'

const empty = z.object({}).strict()
const topic = z.enum(LECTURE_TOPICS as [string, ...string[]], { error: '请从 孕期、产后、儿童、妇女、更年期 中选择主题' })
/** Free text of a search box: trimmed, at most 30 characters. */
const query = z.string().trim().max(30, '搜索词最多 30 个字，请精简后再搜')
const cursor = z.string().regex(/^\d{1,5}$/, '分页位置不正确，请下拉刷新后重试')
const specialty = z.string().trim().min(1, '请选择专长').max(20, '专长最多 20 个字')
const seconds = z.number({ error: '缺少播放位置' }).min(0, '播放位置不能为负').max(24 * 3600, '播放位置超出视频长度')
/** `HM:<claimId>.<token>`: the offer code a resident shows (the clinic's check-in code has no prefix). */
export const offerCodeSchema = z
  .string({ error: '缺少核销码' })
  .regex(/^HM:[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{22}$/, '核销码无效，请让居民在「我的优惠」中刷新后重新出示')

export const contentContract = defineContract({
  lectures: {
    input: z.object({ topic: topic.optional(), q: query.optional(), speakerId: idSchema.optional(), cursor: cursor.optional() }).strict(),
    output: c.type<LecturePage>(),
  },
  lecture: { input: z.object({ lectureId: idSchema }).strict(), output: c.type<LectureDetail>() },
  view: { input: z.object({ lectureId: idSchema }).strict(), output: c.type<ViewResult>() },
  progress: {
    input: z.object({ lectureId: idSchema, position: seconds, finished: z.boolean().optional() }).strict(),
    output: c.type<LectureProgress>(),
  },
  experts: { input: z.object({ specialty: specialty.optional() }).strict(), output: c.type<ExpertDirectory>() },
  expert: { input: z.object({ expertId: idSchema }).strict(), output: c.type<ExpertDetail>() },
  offers: { input: z.object({ venueId: idSchema.optional() }).strict(), output: c.type<OffersView>() },
  claim: { input: z.object({ offerId: idSchema }).strict(), output: c.type<ClaimResult>() },
  myClaims: { input: empty, output: c.type<MyClaim[]>() },
  redeem: { input: z.object({ code: offerCodeSchema }).strict(), output: c.type<RedeemResult>() },
  /** An organiser's image for content (banner, cover, photo): asked before the upload with its type and size. */
  uploadTicket: {
    input: z.object({
      ext: z.enum(CONTENT_IMAGE_EXTS, { error: NOT_AN_IMAGE }),
      size: z.number({ error: '缺少文件大小，请重新选择图片' }).int('文件大小不正确，请重新选择图片').positive('图片是空的，请重新选择'),
    }).strict(),
    output: c.type<UploadTicket>(),
  },
  /** A lecture video for a festival: asked before the upload with its type, size and (when read) length. */
  videoTicket: {
    input: z.object({
      festivalId: idSchema,
      ext: z.enum(CONTENT_VIDEO_EXTS, { error: NOT_A_VIDEO }),
      size: z.number({ error: '缺少文件大小，请重新选择视频' }).int('文件大小不正确，请重新选择视频').positive('视频是空的，请重新选择'),
      durationSec: z.number().positive().max(CONTENT_VIDEO_SECONDS_MAX, '讲座视频不能超过 6 小时，请剪辑后再上传').optional(),
      name: plainText('文件名').max(120, '文件名过长，请改短后再选').optional(),
    }).strict(),
    output: c.type<UploadTicket>(),
  },
  /** The video of a ticket is in storage (wx.cloud.uploadFile answered): recorded so it can be picked again. */
  videoUploaded: {
    input: z.object({
      ticket: z.string().regex(/^[0-9a-f]{32}$/, '上传凭证无效，请重新选择视频上传'),
      fileID: z.string().max(300).regex(/^cloud:\/\//, '文件编号不正确，请重新上传视频'),
    }).strict(),
    output: c.type<ContentVideo>(),
  },
  /** Lecture videos already uploaded for a festival, newest first (at most 20). */
  videos: { input: z.object({ festivalId: idSchema }).strict(), output: c.type<ContentVideo[]>() },
  ...editActions,
})
