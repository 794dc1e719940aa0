// The editor's form, per kind: which fields, how each is filled in (images and videos picked and uploaded, text, dates as 2023-06-25, times as
// 2023-06-25 09:00, lists one item a line), and the conversions between the form's text and the data the
// server checks (content.saveDraft). China time: a typed time is read as +08:00.
import { EVENT_KIND_LABELS, LECTURE_TOPIC_LABELS, type EditData, type EditKind } from '@/contract'

export type FieldType = 'image' | 'video' | 'text' | 'textarea' | 'date' | 'datetime' | 'number' | 'optionalNumber' | 'list' | 'select' | 'bool'

export interface FieldSpec {
  key: string
  label: string
  type: FieldType
  required?: boolean
  hint?: string
  options?: Array<{ value: string; label: string }>
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

export const FORM_FIELDS: Record<EditKind, FieldSpec[]> = {
  festival: [
    { key: 'name', label: '文化节名称', type: 'text', required: true },
    { key: 'slogan', label: '主题', type: 'text', required: true },
    { key: 'startDate', label: '开始日期', type: 'date', required: true },
    { key: 'endDate', label: '结束日期', type: 'date', required: true },
    { key: 'hosts', label: '主办单位', type: 'list', hint: '每行一个' },
    { key: 'coOrganisers', label: '协办单位', type: 'list', hint: '每行一个' },
    { key: 'intro', label: '简介', type: 'textarea', required: true },
    { key: 'bannerFileId', label: '横幅图片', type: 'image', hint: '首页顶部的横幅；不选则用默认横幅。JPG、PNG、WEBP，不超过 5 MB' },
  ],
  venue: [
    { key: 'name', label: '分会场名称', type: 'text', required: true },
    { key: 'host', label: '承办医院', type: 'text', required: true },
    { key: 'district', label: '区县', type: 'text', required: true },
    { key: 'place', label: '地点', type: 'text', required: true },
    { key: 'address', label: '地址', type: 'text', required: true },
    { key: 'phone', label: '咨询电话', type: 'text' },
    { key: 'theme', label: '主题', type: 'text' },
    { key: 'latitude', label: '纬度', type: 'optionalNumber', hint: '地图定位，如 29.38' },
    { key: 'longitude', label: '经度', type: 'optionalNumber', hint: '地图定位，如 106.54' },
    { key: 'startDate', label: '开始日期', type: 'date', required: true },
    { key: 'endDate', label: '结束日期', type: 'date', required: true },
    { key: 'intro', label: '简介', type: 'textarea' },
    { key: 'order', label: '排序号', type: 'number', required: true, hint: '越小越靠前' },
  ],
  event: [
    { key: 'title', label: '活动名称', type: 'text', required: true },
    { key: 'kind', label: '活动类型', type: 'select', required: true, options: options(EVENT_KIND_LABELS) },
    { key: 'venueId', label: '分会场编号', type: 'text', required: true },
    { key: 'startAt', label: '开始时间', type: 'datetime', required: true },
    { key: 'endAt', label: '结束时间', type: 'datetime' },
    { key: 'place', label: '地点', type: 'text', required: true },
    { key: 'speaker', label: '主讲人', type: 'text' },
    { key: 'description', label: '活动介绍', type: 'textarea' },
  ],
  lecture: [
    { key: 'title', label: '讲座标题', type: 'text', required: true },
    { key: 'topic', label: '主题', type: 'select', required: true, options: options(LECTURE_TOPIC_LABELS) },
    { key: 'speakerId', label: '主讲专家编号', type: 'text', required: true },
    { key: 'speakerName', label: '主讲专家', type: 'text', required: true },
    { key: 'durationSec', label: '时长（秒）', type: 'number', required: true },
    { key: 'videoFileId', label: '视频', type: 'video', hint: 'MP4、MOV、WEBM，不超过 500 MB；选好后自动填写时长' },
    { key: 'coverFileId', label: '封面', type: 'image', hint: 'JPG、PNG、WEBP，不超过 5 MB' },
    { key: 'keywords', label: '关键词', type: 'list', hint: '每行一个' },
    { key: 'eventIds', label: '相关活动编号', type: 'list', hint: '每行一个' },
    { key: 'summary', label: '简介', type: 'textarea' },
  ],
  expert: [
    { key: 'name', label: '姓名', type: 'text', required: true },
    { key: 'title', label: '职称', type: 'text', required: true },
    { key: 'hospital', label: '医院', type: 'text', required: true },
    { key: 'specialties', label: '专长', type: 'list', hint: '每行一个' },
    { key: 'photoFileId', label: '照片', type: 'image', hint: '仅在专家同意后展示。JPG、PNG、WEBP，不超过 5 MB' },
    { key: 'photoConsent', label: '专家同意展示照片', type: 'bool' },
    { key: 'order', label: '排序号', type: 'number', required: true },
    { key: 'bio', label: '简介', type: 'textarea' },
  ],
  offer: [
    { key: 'title', label: '优惠名称', type: 'text', required: true },
    { key: 'venueId', label: '分会场编号', type: 'text', required: true },
    { key: 'hospital', label: '医院', type: 'text', required: true },
    { key: 'priceBefore', label: '原价（元）', type: 'optionalNumber' },
    { key: 'priceAfter', label: '优惠价（元）', type: 'number', required: true },
    { key: 'validFrom', label: '开始日期', type: 'date', required: true },
    { key: 'validTo', label: '结束日期', type: 'date', required: true },
    { key: 'places', label: '名额', type: 'optionalNumber', hint: '不填：不限名额，无需领取' },
    { key: 'conditions', label: '使用条件', type: 'text' },
    { key: 'howToRedeem', label: '使用方式', type: 'text', required: true },
    { key: 'order', label: '排序号', type: 'number', required: true },
    { key: 'description', label: '说明', type: 'textarea' },
  ],
}

export type FormText = Record<string, string>

/** ISO +08:00 → 2023-06-25 09:00 (the form's way of writing a China time). */
const toWall = (iso: string) => iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2')

export function toForm(kind: EditKind, data: EditData | null): FormText {
  const form: FormText = {}
  for (const field of FORM_FIELDS[kind]) {
    const value = data?.[field.key]
    if (value === undefined || value === null) form[field.key] = field.type === 'bool' ? 'false' : ''
    else if (Array.isArray(value)) form[field.key] = value.join('\n')
    else if (field.type === 'datetime') form[field.key] = toWall(String(value))
    else form[field.key] = String(value)
  }
  return form
}

/** The form's text as data: empty optional fields left out (or null where the server wants null). */
export function fromForm(kind: EditKind, form: FormText): EditData {
  const data: EditData = {}
  for (const field of FORM_FIELDS[kind]) {
    const text = (form[field.key] ?? '').trim()
    switch (field.type) {
      case 'list':
        data[field.key] = text.split(/\n|、/).map((s) => s.trim()).filter(Boolean)
        break
      case 'bool':
        data[field.key] = text === 'true'
        break
      case 'number':
        data[field.key] = text === '' ? NaN : Number(text)
        break
      case 'optionalNumber':
        if (text !== '') data[field.key] = Number(text)
        else if (kind === 'offer') data[field.key] = null
        break
      case 'datetime':
        if (text !== '') data[field.key] = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(text) ? `${text.replace(' ', 'T')}:00+08:00` : text
        break
      default:
        if (text !== '' || field.required || field.type === 'textarea') data[field.key] = text
    }
  }
  return data
}

/** What the form needs before it is sent: the required fields. */
export function missing(kind: EditKind, form: FormText): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const field of FORM_FIELDS[kind]) {
    if (field.required && !(form[field.key] ?? '').trim()) errors[field.key] = `请填写${field.label}`
  }
  return errors
}
