// How a clinic slot reads in Chinese: its date and time, who it is for, and its places (剩余 / 候补).
import {
  CLINIC_CATEGORY_LABELS, SLOT_STATUS_LABELS, type ClinicCategory, type ClinicSlotSummary, type SlotStatus,
} from '@/contract'
import { chinaTime, formatTimeRange, shortInstant } from '@/utils/time'

/** 2022年6月25日 周六 09:00–11:30 (the slot's China date and wall-clock times). */
export function slotWhen(slot: Pick<ClinicSlotSummary, 'date' | 'startTime' | 'endTime'>): string {
  return formatTimeRange(`${slot.date}T${slot.startTime}:00+08:00`, `${slot.date}T${slot.endTime}:00+08:00`)
}

/** 孕产妇、儿童 */
export function audienceText(audience: readonly ClinicCategory[]): string {
  return audience.length > 0 ? audience.map((c) => CLINIC_CATEGORY_LABELS[c]).join('、') : '所有居民'
}


/** An instant as 2022年6月20日 09:00 in China time. */
export function longInstant(iso: string): string {
  const t = chinaTime(iso)
  return t.isValid() ? t.format('YYYY年M月D日 HH:mm') : '时间待定'
}

/** The places line of a slot, by its status. */
export function placesText(slot: ClinicSlotSummary): string {
  switch (slot.status) {
    case 'open':
      return `剩余 ${slot.placesLeft} 个名额（共 ${slot.quota} 个）`
    case 'full':
      return slot.waitlistOpen ? `名额已满，可报名候补（${slot.waitlisted} 人候补中）` : '名额已满，候补也已满'
    case 'not_open':
      return `${shortInstant(slot.signupOpensAt)} 开始报名，共 ${slot.quota} 个名额`
    default:
      return SLOT_STATUS_LABELS[slot.status]
  }
}

export const STATUS_TONES: Record<SlotStatus, 'red' | 'amber' | 'grey'> = {
  open: 'red',
  full: 'amber',
  not_open: 'amber',
  closed: 'grey',
  over: 'grey',
}

/** The label of a full slot that still takes a waitlist reads 已约满 · 可候补. */
export function statusLabel(slot: Pick<ClinicSlotSummary, 'status' | 'waitlistOpen'>): string {
  const label = SLOT_STATUS_LABELS[slot.status]
  return slot.status === 'full' && slot.waitlistOpen ? `${label} · 可候补` : label
}
