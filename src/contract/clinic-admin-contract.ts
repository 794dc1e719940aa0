// The `clinicAdmin` function (sign-up lists, reveals, attendance, exports, retention): each action's input
// schema (zod, Chinese messages that say what to fix) beside its output type.
import * as z from 'zod'
import { c, defineContract } from './define'
import type { Attendance, ExportJob, FiguresRun, PurgeRun, RevealedEntry, SignupListPage, SlotDays } from './clinic-admin'
import { plainText } from './plain-text'
import { LIST_STATUSES } from './clinic-admin'
import { signupIdSchema, slotIdSchema } from './clinic-contract'

const venueId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '分会场编号格式不正确')

export const clinicAdminContract = defineContract({
  signupList: {
    input: z
      .object({
        slotId: slotIdSchema,
        status: z.enum(LIST_STATUSES, { error: '状态只能是报名成功、候补中、已取消或已签到' }).optional(),
        search: plainText('搜索内容').min(1, '请输入手机号后 4 位或报名号（组委会也可输入姓名中的字）').max(20, '搜索内容最多 20 个字').optional(),
        page: z.number().int('页码应为整数').min(1, '页码从 1 开始').max(200, '页码过大').optional(),
      })
      .strict(),
    output: c.type<SignupListPage>(),
  },
  revealSignup: {
    input: z
      .object({
        signupId: signupIdSchema,
        reason: plainText('查看原因', { required: '请填写查看完整信息的原因' }).min(2, '请写明查看原因（至少 2 个字），如「电话通知改期」').max(100, '原因最多 100 字'),
      })
      .strict(),
    output: c.type<RevealedEntry>(),
  },
  slotDays: { input: z.object({ venueId: venueId.optional() }).strict(), output: c.type<SlotDays>() },
  attendance: { input: z.object({ venueId: venueId.optional() }).strict(), output: c.type<Attendance>() },
  exportSignups: {
    input: z
      .object({ slotId: slotIdSchema.optional(), venueId: venueId.optional() })
      .strict()
      .refine((v) => (v.slotId === undefined) !== (v.venueId === undefined), '请选择导出一个场次或一个分会场的名单'),
    output: c.type<ExportJob>(),
  },
  /** An export job of the caller's (the latest one when no jobId): advances it one chunk and says how far it got. */
  exportStatus: {
    input: z.object({ jobId: z.string().regex(/^clinicExport-[0-9a-f]{16}$/, '导出任务编号格式不正确，请重新导出').optional() }).strict(),
    output: c.type<ExportJob | null>(),
  },
  purgePersonalData: { input: z.object({ dryRun: z.boolean().optional() }).strict(), output: c.type<PurgeRun>() },
  /** The figures timer's fold (timer `clinicFigures`, or an organiser by hand): brings the clinic figures up to now − a settle margin. */
  refreshFigures: { input: z.object({}).strict(), output: c.type<FiguresRun>() },
})
