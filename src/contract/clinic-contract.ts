// The `clinic` function (free-clinic slots, sign-ups, check-in, reminders): each action's input schema (zod,
// Chinese messages that say what to fix) beside its output type. Kept apart from clinic.ts so the app
// imports only types and zod stays out of the mini-program.
import * as z from 'zod'
import { c, defineContract } from './define'
import type {
  CheckInResult, ClinicNotice, ClinicSlotDetail, ClinicSlotPage, HoldRepairRun, MySignup, ReminderRun, SignUpResult, SignupPerson,
} from './clinic'
import { plainText } from './plain-text'
import { CLINIC_CATEGORIES, PERSON_RELATIONS, personMismatch } from './clinic'

const idChars = /^[A-Za-z0-9_-]+$/
export const slotIdSchema = z
  .string({ error: '缺少场次编号' })
  .min(1, '场次编号不能为空')
  .max(40, '场次编号过长')
  .regex(idChars, '场次编号格式不正确')
const venueIdSchema = z.string({ error: '请选择分会场' }).min(1, '请选择分会场').max(40, '分会场编号过长').regex(idChars, '分会场编号格式不正确')
export const signupIdSchema = z.string({ error: '缺少报名编号' }).regex(/^[A-Za-z0-9_-]{1,40}-[0-9a-f]{16}$/, '报名编号格式不正确，请返回「我的报名」重新操作')
export const checkInCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}-[0-9a-f]{16}\.[A-Za-z0-9_-]{22}$/, '签到码无效，请让居民在「我的报名」中刷新后重新出示')

function isRealDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const unique = (list: readonly string[]) => new Set(list).size === list.length
const day = z.string({ error: '请填写日期，如 2022-06-25' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD，如 2022-06-25').refine(isRealDate, '没有这一天，请检查日期')
const time = z.string({ error: '请填写时间，如 09:30' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm（北京时间），如 09:30')
const wallClock = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 YYYY-MM-DD HH:mm（北京时间），如 2022-06-20 09:00')
  .refine(isRealDate, '没有这一天，请检查日期')
const count = (label: string, min: number, max: number) =>
  z.number({ error: `请填写${label}` }).int(`${label}应为整数`).min(min, `${label}最少为 ${min}`).max(max, `${label}最多为 ${max}`)
const text = (label: string, max: number) => plainText(label).min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`)

const slotFields = {
  title: text('场次名称', 30),
  date: day,
  startTime: time,
  endTime: time,
  place: text('地点', 60),
  services: z.array(text('服务名称', 40), { error: '请填写义诊服务' }).min(1, '请至少填写一项义诊服务').max(12, '一场最多 12 项服务').refine(unique, '服务项目有重复，请删去重复的一项'),
  audience: z
    .array(z.enum(CLINIC_CATEGORIES, { error: '人群只能是孕产妇、儿童、妇女或其他' }), { error: '请选择面向的人群' })
    .min(1, '请至少选择一类面向的人群')
    .refine(unique, '面向人群有重复'),
  quota: count('名额', 1, 5000),
  perAccountLimit: count('每个微信号可报人数', 1, 10),
  waitlistLimit: count('候补人数上限', 0, 5000),
  signupOpensAt: wallClock,
  signupClosesAt: wallClock,
  cancelCutoffAt: wallClock,
  note: plainText('说明', { multiline: true }).max(200, '说明最多 200 字'),
}

export interface SlotTimes {
  date: string
  startTime: string
  endTime: string
  signupOpensAt: string
  signupClosesAt: string
  cancelCutoffAt: string
}

/** Cross-field rules of a slot's times; China wall-clock strings compare correctly as text. */
export function slotTimeIssues(s: Partial<SlotTimes>): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = []
  if (s.startTime && s.endTime && s.startTime >= s.endTime) issues.push({ path: 'endTime', message: '结束时间应晚于开始时间' })
  if (s.signupOpensAt && s.signupClosesAt && s.signupOpensAt >= s.signupClosesAt) {
    issues.push({ path: 'signupClosesAt', message: '报名截止时间应晚于开放时间' })
  }
  const end = s.date && s.endTime ? `${s.date} ${s.endTime}` : undefined
  if (end && s.signupClosesAt && s.signupClosesAt > end) issues.push({ path: 'signupClosesAt', message: '报名截止时间不能晚于义诊结束时间' })
  if (end && s.cancelCutoffAt && s.cancelCutoffAt > end) issues.push({ path: 'cancelCutoffAt', message: '取消截止时间不能晚于义诊结束时间' })
  return issues
}

function addTimeIssues(value: Partial<SlotTimes>, ctx: z.RefinementCtx): void {
  for (const issue of slotTimeIssues(value)) ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.path] })
}

const { title, date, startTime, endTime, place, services, audience, quota } = slotFields
const optionalSlotFields = {
  perAccountLimit: slotFields.perAccountLimit.optional(),
  waitlistLimit: slotFields.waitlistLimit.optional(),
  signupOpensAt: slotFields.signupOpensAt.optional(),
  signupClosesAt: slotFields.signupClosesAt.optional(),
  cancelCutoffAt: slotFields.cancelCutoffAt.optional(),
  note: slotFields.note.optional(),
}

const createSlot = z
  .object({ venueId: venueIdSchema, title, date, startTime, endTime, place, services, audience, quota, ...optionalSlotFields })
  .strict()
  .superRefine(addTimeIssues)

const updateSlot = z
  .object({
    slotId: slotIdSchema,
    title: title.optional(),
    date: date.optional(),
    startTime: startTime.optional(),
    endTime: endTime.optional(),
    place: place.optional(),
    services: services.optional(),
    audience: audience.optional(),
    quota: quota.optional(),
    closed: z.boolean({ error: '「停止报名」应为是或否' }).optional(),
    ...optionalSlotFields,
  })
  .strict()
  .refine((v) => Object.keys(v).length > 1, '请至少修改一项内容')

const person = z
  .object({
    relation: z.enum(PERSON_RELATIONS, { error: '请选择为谁报名：本人、孩子或家人' }),
    name: text('姓名', 20).regex(/^[\u3400-\u9fffA-Za-z·• ]+$/, '姓名只能包含汉字、字母和间隔号「·」'),
    phone: z.string({ error: '请填写手机号码' }).trim().regex(/^1[3-9]\d{9}$/, '请填写 11 位大陆手机号码，如 13812345678'),
    category: z.enum(CLINIC_CATEGORIES, { error: '请选择人群类别：孕产妇、儿童、妇女或其他' }),
    birthMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '出生年月格式应为 YYYY-MM，如 2020-05').optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.relation === 'child' || p.category === 'child') && !p.birthMonth) {
      ctx.addIssue({ code: 'custom', message: '为孩子报名请填写出生年月（如 2020-05），报名账号的主人即为监护人', path: ['birthMonth'] })
    }
    const mismatch = personMismatch(p)
    if (mismatch) ctx.addIssue({ code: 'custom', message: mismatch.message, path: [mismatch.field] })
  })

const signUp = z
  .object({
    slotId: slotIdSchema,
    person,
    services: z.array(text('服务名称', 40), { error: '请选择想要的义诊服务' }).min(1, '请至少选择一项义诊服务').max(12, '最多选择 12 项服务').refine(unique, '所选服务有重复'),
    note: plainText('备注', { multiline: true }).max(200, '备注最多 200 字').optional(),
    agreePrivacy: z.literal(true, { error: '请先阅读并勾选同意《义诊报名个人信息说明》，再提交报名' }),
    remind: z.boolean().optional(),
    joinWaitlist: z.boolean().optional(),
  })
  .strict()

const checkIn = z
  .object({
    code: checkInCodeSchema.optional(),
    slotId: slotIdSchema.optional(),
    phoneTail: z.string().regex(/^\d{4}$/, '请输入手机号后 4 位数字').optional(),
    signupId: signupIdSchema.optional(),
  })
  .strict()
  .refine(
    (v) => [v.code !== undefined, v.slotId !== undefined && v.phoneTail !== undefined, v.signupId !== undefined].filter(Boolean).length === 1 &&
      (v.slotId === undefined) === (v.phoneTail === undefined),
    '请扫描签到码，或选择场次并输入手机号后 4 位',
  )

const empty = z.object({}).strict()

export const clinicContract = defineContract({
  slots: {
    input: z
      .object({
        venueId: venueIdSchema.optional(),
        date: day.optional(),
        service: plainText('服务名称').min(1, '服务名称不能为空').max(40, '服务名称最多 40 字').optional(),
        page: z.number().int('页码应为整数').min(1, '页码从 1 开始').max(50, '页码过大').optional(),
      })
      .strict(),
    output: c.type<ClinicSlotPage>(),
  },
  slot: { input: z.object({ slotId: slotIdSchema }).strict(), output: c.type<ClinicSlotDetail>() },
  signUp: { input: signUp, output: c.type<SignUpResult>() },
  cancel: { input: z.object({ signupId: signupIdSchema }).strict(), output: c.type<{ signup: MySignup }>() },
  mySignups: { input: empty, output: c.type<MySignup[]>() },
  lastEntries: { input: empty, output: c.type<SignupPerson[]>() },
  myNotices: { input: empty, output: c.type<ClinicNotice[]>() },
  checkIn: { input: checkIn, output: c.type<CheckInResult>() },
  createSlot: { input: createSlot, output: c.type<ClinicSlotDetail>() },
  updateSlot: { input: updateSlot, output: c.type<ClinicSlotDetail>() },
  sendReminders: { input: empty, output: c.type<ReminderRun>() },
  repairHolds: { input: empty, output: c.type<HoldRepairRun>() },
})
