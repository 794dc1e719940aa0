// The slot create/edit form: its text state, prefill from a slot, required-field checks, the
// createSlot / updateSlot input (an edit sends only what changed).
import type { ClinicCategory, ClinicSlotDetail, InputOf } from '@/contract'
import { wallClock } from '@/utils/time'

export interface SlotForm {
  venueId: string
  title: string
  date: string
  startTime: string
  endTime: string
  place: string
  services: string
  audience: ClinicCategory[]
  quota: string
  perAccountLimit: string
  waitlistLimit: string
  signupOpensAt: string
  signupClosesAt: string
  cancelCutoffAt: string
  note: string
  closed: boolean
}

export type SlotFormKey = keyof SlotForm
export type SlotFormErrors = Partial<Record<SlotFormKey, string>>
type CreateInput = InputOf<'clinic', 'createSlot'>
type UpdateInput = InputOf<'clinic', 'updateSlot'>

export function emptySlotForm(venueId = ''): SlotForm {
  return {
    venueId, title: '', date: '', startTime: '09:00', endTime: '11:30', place: '', services: '', audience: [],
    quota: '', perAccountLimit: '3', waitlistLimit: '20', signupOpensAt: '', signupClosesAt: '', cancelCutoffAt: '', note: '', closed: false,
  }
}

export function slotToForm(slot: ClinicSlotDetail): SlotForm {
  return {
    venueId: slot.venueId, title: slot.title, date: slot.date, startTime: slot.startTime, endTime: slot.endTime,
    place: slot.place, services: slot.services.join('\n'), audience: [...slot.audience], quota: String(slot.quota),
    perAccountLimit: String(slot.perAccountLimit), waitlistLimit: String(slot.waitlistLimit),
    signupOpensAt: wallClock(slot.signupOpensAt), signupClosesAt: wallClock(slot.signupClosesAt),
    cancelCutoffAt: wallClock(slot.cancelCutoffAt), note: slot.note ?? '', closed: slot.closed,
  }
}

/** One service per line (、，, also separate them), blanks dropped. */
export const serviceList = (text: string) => text.split(/[\n、，,]/).map((s) => s.trim()).filter(Boolean)
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)

export function validateSlotForm(form: SlotForm): SlotFormErrors {
  const errors: SlotFormErrors = {}
  if (!form.venueId) errors.venueId = '请选择分会场'
  if (!form.title.trim()) errors.title = '请填写场次名称'
  if (!form.date) errors.date = '请选择义诊日期'
  if (!form.place.trim()) errors.place = '请填写地点'
  if (serviceList(form.services).length === 0) errors.services = '请至少填写一项义诊服务'
  if (form.audience.length === 0) errors.audience = '请至少选择一类面向的人群'
  const counts: Array<[SlotFormKey, string]> = [['quota', '名额'], ['perAccountLimit', '每个微信号可报人数'], ['waitlistLimit', '候补人数上限']]
  for (const [key, label] of counts) {
    if (Number.isNaN(whole(form[key] as string))) errors[key] = `请填写${label}（整数）`
  }
  return errors
}

function optionalTimes(form: SlotForm) {
  return {
    ...(form.signupOpensAt ? { signupOpensAt: form.signupOpensAt } : {}),
    ...(form.signupClosesAt ? { signupClosesAt: form.signupClosesAt } : {}),
    ...(form.cancelCutoffAt ? { cancelCutoffAt: form.cancelCutoffAt } : {}),
  }
}

export function toCreateInput(form: SlotForm): CreateInput {
  return {
    venueId: form.venueId, title: form.title.trim(), date: form.date, startTime: form.startTime, endTime: form.endTime,
    place: form.place.trim(), services: serviceList(form.services), audience: form.audience, quota: whole(form.quota),
    perAccountLimit: whole(form.perAccountLimit), waitlistLimit: whole(form.waitlistLimit), ...optionalTimes(form),
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
  }
}

/** The changed fields only; null when nothing changed. */
export function toUpdateInput(slotId: string, form: SlotForm, original: SlotForm): UpdateInput | null {
  const next = { ...toCreateInput(form), note: form.note.trim(), closed: form.closed }
  const before = { ...toCreateInput(original), note: original.note.trim(), closed: original.closed }
  const changed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(next)) {
    if (key !== 'venueId' && JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before])) changed[key] = value
  }
  return Object.keys(changed).length > 0 ? ({ slotId, ...changed } as UpdateInput) : null
}
