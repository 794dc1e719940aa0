// Input schemas of the organisers' editing actions (part of the `content` function): per kind, the fields
// a draft may hold, checked on save; drafts are published one by one, and a new edition is made from the
// last one. Output types are in edit.ts.
import * as z from 'zod'
import { c } from './define'
import { idSchema } from './ids'
import type { AuditEntry, EditableView, EditionSummary, EditItem, PublishResult } from './edit'
import type { Overview } from './overview'
import { EDIT_KINDS, type EditKind } from './edit'
import { LECTURE_TOPICS } from './content'

const kind = z.enum(EDIT_KINDS as [EditKind, ...EditKind[]], { error: '请选择要编辑的内容类型' })
const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`)
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 个字`)
const list = (label: string, max: number) => z.array(z.string().trim().min(1).max(40, `${label}每项最多 40 个字`)).max(max, `${label}最多 ${max} 项`)
const date = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}请写成 2023-06-25 这样的日期`)
const instant = (label: string) => z.string({ error: `请填写${label}` })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/, `${label}请写成 2023-06-25 09:00 这样的时间`)
const fileId = z.string().trim().max(300, '文件编号过长').regex(/^(cloud:\/\/|local:\/\/|$)/, '请从云存储中选择文件').optional()
const order = z.number({ error: '请填写排序号' }).int('排序号请填整数').min(0).max(999)

export const festivalData = z.object({
  name: text('文化节名称', 60),
  slogan: text('主题', 40),
  startDate: date('开始日期'),
  endDate: date('结束日期'),
  intro: text('简介', 2000),
  hosts: list('主办单位', 20),
  coOrganisers: list('协办单位', 20),
  bannerFileId: fileId,
}).strict().refine((d) => d.startDate <= d.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] })

export const venueData = z.object({
  name: text('分会场名称', 30),
  host: text('承办医院', 40),
  district: text('区县', 20),
  place: text('地点', 40),
  address: text('地址', 80),
  phone: optionalText('电话', 30).optional(),
  theme: optionalText('主题', 40).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  startDate: date('开始日期'),
  endDate: date('结束日期'),
  intro: optionalText('简介', 2000),
  order,
}).strict().refine((d) => d.startDate <= d.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] })

export const eventData = z.object({
  venueId: idSchema,
  title: text('活动名称', 40),
  kind: z.enum(['ceremony', 'reading', 'donation', 'clinic', 'lecture', 'exhibition', 'promotion', 'exchange', 'other'], { error: '请选择活动类型' }),
  startAt: instant('开始时间'),
  endAt: instant('结束时间').optional(),
  place: text('地点', 40),
  description: optionalText('活动介绍', 2000),
  speaker: optionalText('主讲人', 40).optional(),
}).strict().refine((d) => !d.endAt || d.startAt <= d.endAt, { message: '结束时间不能早于开始时间', path: ['endAt'] })

export const lectureData = z.object({
  title: text('讲座标题', 60),
  topic: z.enum(LECTURE_TOPICS as [string, ...string[]], { error: '请选择主题' }),
  speakerId: idSchema,
  speakerName: text('主讲专家', 20),
  summary: optionalText('简介', 2000),
  durationSec: z.number({ error: '请填写时长' }).int().min(1, '时长至少 1 秒').max(6 * 3600, '时长不超过 6 小时'),
  videoFileId: fileId,
  coverFileId: fileId,
  keywords: list('关键词', 20),
  eventIds: z.array(idSchema).max(20),
}).strict()

export const expertData = z.object({
  name: text('姓名', 20),
  title: text('职称', 30),
  hospital: text('医院', 40),
  specialties: list('专长', 10),
  bio: optionalText('简介', 2000),
  photoFileId: fileId,
  photoConsent: z.boolean(),
  order,
}).strict()

export const offerData = z.object({
  venueId: idSchema,
  hospital: text('医院', 40),
  title: text('优惠名称', 40),
  description: optionalText('说明', 1000),
  priceBefore: z.number().min(0).max(100000).nullable(),
  priceAfter: z.number({ error: '请填写优惠价' }).min(0).max(100000),
  validFrom: date('开始日期'),
  validTo: date('结束日期'),
  conditions: optionalText('使用条件', 200),
  howToRedeem: text('使用方式', 200),
  places: z.number().int('名额请填整数').min(1, '名额至少 1 个').max(100000).nullable(),
  order,
}).strict().refine((d) => d.validFrom <= d.validTo, { message: '结束日期不能早于开始日期', path: ['validTo'] })

export const EDIT_DATA_SCHEMAS = {
  festival: festivalData, venue: venueData, event: eventData, lecture: lectureData, expert: expertData, offer: offerData,
} satisfies Record<EditKind, z.ZodType>

const saveDraft = z.discriminatedUnion('kind', EDIT_KINDS.map((k) => z.object({
  kind: z.literal(k),
  festivalId: idSchema,
  /** Absent: a new document (the server names it). */
  id: idSchema.optional(),
  data: EDIT_DATA_SCHEMAS[k],
}).strict()) as unknown as [z.ZodObject, ...z.ZodObject[]], { error: '请选择要编辑的内容类型' })

const target = z.object({ kind, id: idSchema }).strict()

export const editActions = {
  editions: { input: z.object({}).strict(), output: c.type<EditionSummary[]>() },
  editList: { input: z.object({ festivalId: idSchema, kind }).strict(), output: c.type<EditItem[]>() },
  editable: { input: target, output: c.type<EditableView>() },
  saveDraft: { input: saveDraft, output: c.type<EditableView>() },
  discardDraft: { input: target, output: c.type<EditableView>() },
  publish: { input: target, output: c.type<PublishResult>() },
  auditLog: { input: z.object({ festivalId: idSchema }).strict(), output: c.type<AuditEntry[]>() },
  overview: { input: z.object({ festivalId: idSchema, venueId: idSchema.optional() }).strict(), output: c.type<Overview>() },
  newEdition: {
    input: z.object({ fromFestivalId: idSchema, year: z.number().int().min(2000).max(2100), startDate: date('开始日期'), endDate: date('结束日期') })
      .strict().refine((d) => d.startDate <= d.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] }),
    output: c.type<EditionSummary>(),
  },
}
