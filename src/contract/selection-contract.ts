// The `selection` function (photo, video and typical-case selections): each action's input schema (zod,
// Chinese messages that say what to fix) beside its output type. Kept apart from selection.ts so the app
// imports only types and zod stays out of the mini-program.
import * as z from 'zod'
import { c, defineContract } from './define'
import type { SelectionView } from './selection'
import type * as S from './selection-views'
import { plainText } from './plain-text'
import { SELECTION_WINDOWS, UPLOAD_EXTS, WINDOW_MOVES, WORK_LIMITS } from './selection'

const idChars = /^[A-Za-z0-9_-]+$/
const id = (label: string, max = 64) =>
  z.string({ error: `缺少${label}` }).min(1, `${label}不能为空`).max(max, `${label}过长`).regex(idChars, `${label}格式不正确`)
const selectionId = id('评选编号')
const workId = id('作品编号', 100)
const categoryKey = z.string({ error: '请选择案例类别' }).min(1, '请选择案例类别').max(32, '案例类别过长').regex(idChars, '案例类别格式不正确')
const cursor = z.string().max(100, '翻页参数过长，请刷新页面').regex(/^[A-Za-z0-9:._-]+$/, '翻页参数不正确，请刷新页面')
const pageSize = (max: number, fallback: number) =>
  z.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(max, `每页最多 ${max} 条`).default(fallback)
const text = (label: string, min: number, max: number, multiline = false) =>
  plainText(label, { multiline }).min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`).max(max, `${label}最多 ${max} 个字，请删减后再提交`)
const reason = (label: string) => plainText(label, { multiline: true }).max(200, `${label}最多 200 字`)

export const fileIdSchema = z
  .string({ error: '缺少文件，请重新上传' })
  .max(512, '文件地址过长，请重新上传')
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._/-]+$/, '文件地址不正确，请重新上传')
const unique = (list: readonly string[]) => new Set(list).size === list.length
const images = z
  .array(fileIdSchema, { error: '请上传照片' })
  .min(WORK_LIMITS.imagesMin, '请至少上传 1 张照片')
  .max(WORK_LIMITS.imagesMax, `最多上传 ${WORK_LIMITS.imagesMax} 张照片，请删去几张`)
  .refine(unique, '有重复的照片，请删去重复的一张')
export const isoInstant = z
  .string({ error: '请填写时间' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, '时间格式应为 2022-06-25T09:00:00+08:00')
  .refine((value) => !Number.isNaN(Date.parse(value)), '没有这个时间，请检查')

const consent = {
  showsChild: z.boolean({ error: '请说明作品中是否有儿童' }),
  guardianConsent: z.boolean().default(false),
}
const CONSENT_MESSAGE = '作品中有儿童时，需由监护人勾选「我是监护人并同意展示」后才能提交'
const needsConsent = (v: { showsChild: boolean; guardianConsent: boolean }) => !v.showsChild || v.guardianConsent

const photo = z
  .object({
    kind: z.literal('photo'),
    selectionId,
    title: text('标题', 1, WORK_LIMITS.titleMax),
    story: plainText('故事', { multiline: true }).max(WORK_LIMITS.storyMax, `故事最多 ${WORK_LIMITS.storyMax} 字，请删减后再提交`).default(''),
    images,
    ...consent,
  })
  .strict()
  .refine(needsConsent, { message: CONSENT_MESSAGE, path: ['guardianConsent'] })

const video = z
  .object({
    kind: z.literal('video'),
    selectionId,
    title: text('标题', 1, WORK_LIMITS.titleMax),
    story: plainText('简介', { multiline: true }).max(WORK_LIMITS.storyMax, `简介最多 ${WORK_LIMITS.storyMax} 字，请删减后再提交`).default(''),
    video: z
      .object({
        fileID: fileIdSchema,
        duration: z.number({ error: '缺少视频时长，请重新选择视频' }).positive('视频时长不正确，请重新选择视频')
          .max(WORK_LIMITS.videoSecondsMax, `视频不能超过 ${WORK_LIMITS.videoSecondsMax} 秒，请剪辑后重新上传`),
        size: z.number({ error: '缺少视频大小，请重新选择视频' }).int().positive('视频大小不正确，请重新选择视频')
          .max(WORK_LIMITS.videoBytesMax, `视频不能超过 ${WORK_LIMITS.videoBytesMax / 1024 / 1024} MB，请压缩后重新上传`),
      })
      .strict(),
    cover: fileIdSchema,
    ...consent,
  })
  .strict()
  .refine(needsConsent, { message: CONSENT_MESSAGE, path: ['guardianConsent'] })

const cases = z
  .object({
    kind: z.literal('cases'),
    selectionId,
    category: categoryKey,
    title: text('案例名称', 2, WORK_LIMITS.titleMax),
    story: text('案例材料', 20, WORK_LIMITS.caseTextMax, true),
    images,
    applicant: z
      .object({
        institution: text('申报单位', 2, WORK_LIMITS.institutionMax),
        person: plainText('人物姓名').max(WORK_LIMITS.personMax, `人物姓名最多 ${WORK_LIMITS.personMax} 字`).optional(),
      })
      .strict(),
  })
  .strict()

export const submitSchema = z.discriminatedUnion('kind', [photo, video, cases], { error: '作品类型只能是照片、视频或典型案例' })

const listing = { selectionId, cursor: cursor.optional() }
/** A mini-program code's scene: at most 32 of the characters WeChat allows; ours are letters, digits, . _ - */
const shareScene = z.string().min(1, '小程序码内容为空，请重新扫码').max(32, '小程序码内容过长，请重新扫码').regex(/^[A-Za-z0-9._-]+$/, '这不是本活动作品的小程序码，请在作品列表中查找')

export const selectionContract = defineContract({
  selections: { input: z.object({ festivalId: id('文化节编号').optional() }).strict(), output: c.type<SelectionView[]>() },
  submit: { input: submitSchema, output: c.type<S.MyWork>() },
  /** The author corrects a rejected work and sends it for review again, within the submission window; the rejection is kept. */
  resubmit: { input: z.object({ workId, work: submitSchema }).strict(), output: c.type<S.MyWork>() },
  myWorks: { input: z.object({ selectionId: selectionId.optional() }).strict(), output: c.type<S.MyWork[]>() },
  withdraw: { input: z.object({ workId }).strict(), output: c.type<S.MyWork>() },
  gallery: {
    input: z
      .object({
        ...listing,
        order: z.enum(['latest', 'votes'], { error: '排序只能是最新或票数' }).default('latest'),
        q: plainText('搜索词').max(30, '搜索词最多 30 个字').optional(),
        category: categoryKey.optional(),
        pageSize: pageSize(20, 12),
      })
      .strict(),
    output: c.type<S.GalleryPage>(),
  },
  work: {
    input: z
      .object({
        workId: workId.optional(), selectionId: selectionId.optional(), number: z.number().int().positive('作品编号应为正整数').optional(),
        /** What WeChat passes when a work's mini-program code is scanned (shareCode). */
        scene: shareScene.optional(),
      })
      .strict()
      .refine((v) => v.workId !== undefined || v.scene !== undefined || (v.selectionId !== undefined && v.number !== undefined), '请提供作品编号'),
    output: c.type<S.WorkDetail>(),
  },
  /** `requestId`: made by the app once per intended vote and sent again on a retry, so a retry never counts twice. */
  vote: {
    input: z
      .object({
        selectionId,
        workId,
        requestId: z.string({ error: '缺少投票请求编号，请刷新页面后重试' }).regex(/^[A-Za-z0-9_-]{8,48}$/, '投票请求编号格式不正确，请刷新页面后重试'),
      })
      .strict(),
    output: c.type<S.VoteResult>(),
  },
  ranking: { input: z.object({ ...listing, category: categoryKey.optional(), pageSize: pageSize(50, 20) }).strict(), output: c.type<S.RankingPage>() },
  results: { input: z.object({ ...listing, category: categoryKey.optional(), pageSize: pageSize(50, 20) }).strict(), output: c.type<S.ResultsView>() },
  reviewQueue: {
    input: z
      .object({ ...listing, status: z.enum(['pending', 'frozen', 'rejected'], { error: '状态只能是待审核、已冻结或未通过' }).default('pending'), pageSize: pageSize(20, 10) })
      .strict(),
    output: c.type<S.ReviewQueuePage>(),
  },
  review: {
    input: z
      .object({ workId, decision: z.enum(['approve', 'reject', 'freeze'], { error: '请选择通过、驳回或冻结' }), reason: reason('理由').optional() })
      .strict()
      .refine((v) => v.decision === 'approve' || (v.reason ?? '').length >= 2, { message: '驳回或冻结时请写明理由（作者会看到）', path: ['reason'] }),
    output: c.type<S.ReviewOutcome>(),
  },
  markInspected: { input: z.object({ workId, note: reason('考察记录').optional() }).strict(), output: c.type<S.AuditOutcome>() },
  voteWatch: {
    input: z
      .object({
        selectionId,
        workId: workId.optional(),
        from: isoInstant.optional(),
        to: isoInstant.optional(),
        bucketMinutes: z.number().int('时间段应为整数分钟').min(1, '时间段至少 1 分钟').max(1440, '时间段最长 1440 分钟').default(5),
      })
      .strict(),
    output: c.type<S.VoteWatch>(),
  },
  voidVotes: {
    input: z
      .object({ selectionId, workId, from: isoInstant, to: isoInstant, onlyNewAccounts: z.boolean().default(false), reason: text('作废理由', 5, 200, true) })
      .strict(),
    output: c.type<S.VoidOutcome>(),
  },
  /** Organisers open (now until `until`), extend (to `until`) or end (now) a phase, with a reason for the audit log. */
  setWindow: {
    input: z
      .object({
        selectionId,
        window: z.enum(SELECTION_WINDOWS, { error: '阶段只能是作品征集、网络投票或专家评审' }),
        move: z.enum(WINDOW_MOVES, { error: '请选择开启、延长或结束' }),
        until: isoInstant.optional(),
        reason: text('调整理由', 2, 200, true),
      })
      .strict()
      .refine((v) => v.move === 'end' || v.until !== undefined, { message: '请选择截止时间', path: ['until'] }),
    output: c.type<S.WindowOutcome>(),
  },
  publishResults: { input: z.object({ selectionId, noticeDays: z.number().int('公示天数应为整数').min(1, '公示期至少 1 天').max(30, '公示期最长 30 天').optional() }).strict(), output: c.type<S.PublishOutcome>() },
  setWeights: {
    input: z
      .object({
        selectionId,
        vote: z.number().int('权重应为整数').min(0, '权重不能为负').max(100, '权重最多 100'),
        expert: z.number().int('权重应为整数').min(0, '权重不能为负').max(100, '权重最多 100'),
      })
      .strict()
      .refine((v) => v.vote + v.expert === 100, { message: '网络投票和专家评分的权重之和应为 100', path: ['expert'] }),
    output: c.type<S.AuditOutcome>(),
  },
  assignExpert: {
    input: z
      .object({
        selectionId,
        openid: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, '专家的微信身份格式不正确'),
        categories: z.array(categoryKey).max(20, '类别过多').refine(unique, '类别有重复'),
      })
      .strict(),
    output: c.type<S.AuditOutcome>(),
  },
  mediaCheckResult: {
    input: z
      .object({
        traceId: z.string().regex(/^[A-Za-z0-9_-]{6,128}$/, '检测编号格式不正确'),
        suggest: z.enum(['pass', 'review', 'risky'], { error: '检测结论只能是 pass、review 或 risky' }),
        label: z.number().int().optional(),
      })
      .strict(),
    output: c.type<S.AuditOutcome>(),
  },
  expertCases: { input: z.object({ ...listing, pageSize: pageSize(20, 10) }).strict(), output: c.type<{ items: S.ExpertCase[]; nextCursor: string | null }>() },
  shareCode: { input: z.object({ workId }).strict(), output: c.type<S.ShareCode>() },
  /** Organisers for one selection; the timer `selectionRecount` with no input. */
  recountVotes: { input: z.object({ selectionId: selectionId.optional() }).strict(), output: c.type<S.RecountRun>() },
  /** Asked before each upload: the file's extension (its kind) and size in bytes. */
  uploadTicket: {
    input: z
      .object({
        ext: z.enum(UPLOAD_EXTS, { error: '只能上传 JPG、PNG、WEBP 格式的照片或 MP4、MOV、WEBM 格式的视频，请换一个文件' }),
        size: z.number({ error: '缺少文件大小，请重新选择文件' }).int('文件大小不正确，请重新选择文件').positive('文件是空的，请重新选择')
          .max(WORK_LIMITS.videoBytesMax, `文件不能超过 ${WORK_LIMITS.videoBytesMax / 1024 / 1024} MB，请压缩后再上传`),
      })
      .strict(),
    output: c.type<S.UploadTicket>(),
  },
  purgeUploads: { input: z.object({}).strict(), output: c.type<S.UploadPurgeRun>() },
  scoreCase: {
    input: z
      .object({
        workId,
        score: z.number({ error: '请填写评分' }).int('评分应为整数').min(0, '评分最低 0 分').max(100, '评分最高 100 分'),
        comment: reason('评语').optional(),
      })
      .strict(),
    output: c.type<S.ScoreOutcome>(),
  },
})

export type SubmitInput = z.output<typeof submitSchema>
