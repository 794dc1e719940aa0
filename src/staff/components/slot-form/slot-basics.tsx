// What and where of a slot: sub-venue (organisers creating one choose it), name, date, start and end
// times, place, services (one per line) and the groups it is for.
import { View } from '@tarojs/components'
import { CLINIC_CATEGORIES, CLINIC_CATEGORY_LABELS, type ClinicCategory, type VenueSummary } from '@/contract'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput, FieldTextarea, FormField, PickerBox } from '@/components/form-field'
import type { SlotForm, SlotFormErrors } from '../../utils/slot-form'

export interface SlotFieldsProps {
  form: SlotForm
  errors: SlotFormErrors
  update: (patch: Partial<SlotForm>) => void
}

const audience = CLINIC_CATEGORIES.map((c) => ({ value: c, label: CLINIC_CATEGORY_LABELS[c] }))

export function SlotBasics({ form, errors, update, venues }: SlotFieldsProps & { venues: readonly VenueSummary[] | null }) {
  const toggleAudience = (value: string) => {
    const c = value as ClinicCategory
    update({ audience: form.audience.includes(c) ? form.audience.filter((a) => a !== c) : [...form.audience, c] })
  }
  return (
    <View>
      {venues ? (
        <FormField label='分会场' required error={errors.venueId}>
          <ChoiceChips options={venues.map((v) => ({ value: v._id, label: v.name }))} selected={[form.venueId]} onToggle={(venueId) => update({ venueId })} />
        </FormField>
      ) : null}
      <FormField label='场次名称' required error={errors.title} hint='如：两癌筛查专场（上午）'>
        <FieldInput value={form.title} maxlength={30} onChange={(title) => update({ title })} />
      </FormField>
      <FormField label='义诊日期' required error={errors.date}>
        <PickerBox mode='date' value={form.date} placeholder='请选择日期' onChange={(date) => update({ date })} />
      </FormField>
      <FormField label='开始时间' required error={errors.startTime}>
        <PickerBox mode='time' value={form.startTime} onChange={(startTime) => update({ startTime })} />
      </FormField>
      <FormField label='结束时间' required error={errors.endTime}>
        <PickerBox mode='time' value={form.endTime} onChange={(endTime) => update({ endTime })} />
      </FormField>
      <FormField label='地点' required error={errors.place} hint='如：巴南区人民广场 2 号帐篷'>
        <FieldInput value={form.place} maxlength={60} onChange={(place) => update({ place })} />
      </FormField>
      <FormField label='义诊服务' required error={errors.services} hint='每行一项，如：两癌筛查、儿童保健、孕产保健咨询'>
        <FieldTextarea value={form.services} maxlength={500} onChange={(services) => update({ services })} />
      </FormField>
      <FormField label='面向人群（可多选）' required error={errors.audience}>
        <ChoiceChips multiple options={audience} selected={form.audience} onToggle={toggleAudience} />
      </FormField>
    </View>
  )
}
