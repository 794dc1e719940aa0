// The rules of a slot: quota, per-account limit, waitlist size, sign-up window and cancel cut-off
// (China time, date + time pickers), a note, and 停止报名 when editing.
import { View } from '@tarojs/components'
import { CheckRow } from '@/components/check-row'
import { FieldInput, FieldTextarea, FormField, PickerBox } from '@/components/form-field'
import { chinaDayKey } from '@/utils/time'
import type { SlotForm } from '../../utils/slot-form'
import type { SlotFieldsProps } from './slot-basics'

type TimeKey = 'signupOpensAt' | 'signupClosesAt' | 'cancelCutoffAt'
type CountKey = 'quota' | 'perAccountLimit' | 'waitlistLimit'

const COUNTS: Array<[CountKey, string, string]> = [
  ['quota', '名额', '本场最多接待的人数；改小时不能少于已报名的人数。'],
  ['perAccountLimit', '每个微信号可报人数', '一个微信号最多为几人报名本场（1–10）。'],
  ['waitlistLimit', '候补人数上限', '名额满后最多可排候补的人数，0 表示不设候补。'],
]
const TIMES: Array<[TimeKey, string]> = [
  ['signupOpensAt', '开始报名时间'],
  ['signupClosesAt', '报名截止时间'],
  ['cancelCutoffAt', '取消截止时间'],
]

/** A China wall-clock time 'YYYY-MM-DD HH:mm' as a date picker and a time picker (today if no date yet). */
function WallClock({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [date = '', time = ''] = value.split(' ')
  return (
    <View className='wall-clock'>
      <View className='wall-clock__date'>
        <PickerBox mode='date' value={date} placeholder='日期' onChange={(d) => onChange(`${d} ${time || '09:00'}`)} />
      </View>
      <View className='wall-clock__time'>
        <PickerBox mode='time' value={time} placeholder='时间' onChange={(t) => onChange(`${date || chinaDayKey(new Date().toISOString())} ${t}`)} />
      </View>
    </View>
  )
}

export function SlotRules({ form, errors, update, editing }: SlotFieldsProps & { editing: boolean }) {
  return (
    <View>
      {COUNTS.map(([key, label, hint]) => (
        <FormField key={key} label={label} required error={errors[key]} hint={hint}>
          <FieldInput value={form[key]} type='number' maxlength={4} onChange={(v) => update({ [key]: v } as Partial<SlotForm>)} />
        </FormField>
      ))}
      {TIMES.map(([key, label]) => (
        <FormField key={key} label={label} error={errors[key]} hint='北京时间；不填则按默认规则。'>
          <WallClock value={form[key]} onChange={(v) => update({ [key]: v } as Partial<SlotForm>)} />
        </FormField>
      ))}
      <FormField label='说明（选填）' error={errors.note}>
        <FieldTextarea value={form.note} placeholder='如：请携带既往检查报告' onChange={(note) => update({ note })} />
      </FormField>
      {editing ? (
        <CheckRow checked={form.closed} onChange={(closed) => update({ closed })}>停止报名（已报名的居民不受影响）</CheckRow>
      ) : null}
    </View>
  )
}
