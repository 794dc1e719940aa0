// The person part of the sign-up form: 上次填写 shortcuts, for whom, name, mobile, category, and the
// birth month when signing up a child (the account holder is the guardian).
import { Text, View } from '@tarojs/components'
import {
  CLINIC_CATEGORIES, CLINIC_CATEGORY_LABELS, PERSON_RELATIONS, PERSON_RELATION_LABELS, type ClinicCategory,
  type PersonRelation, type SignupPerson,
} from '@/contract'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput, FormField, PickerBox } from '@/components/form-field'

/** The birth-month picker opens three years back (a child of clinic age), not at its first year, 2000. */
export function childMonthGuess(now: number = Date.now()): string {
  const [year, month] = chinaMonthKey(now).split('-')
  return `${Number(year) - 3}-${month}`
}
import { needsBirthMonth, type FormErrors, type SignupForm } from '../../utils/signup-form'
import { audienceText } from '../../utils/slot-text'
import { chinaMonthKey } from '@/utils/time'

export interface PersonFieldsProps {
  form: SignupForm
  errors: FormErrors
  audience: readonly ClinicCategory[]
  lastEntries: readonly SignupPerson[]
  update: (patch: Partial<SignupForm>) => void
  setRelation: (relation: PersonRelation) => void
  choosePerson: (person: SignupPerson) => void
}

const relations = PERSON_RELATIONS.map((r) => ({ value: r, label: PERSON_RELATION_LABELS[r] }))
const categories = CLINIC_CATEGORIES.map((c) => ({ value: c, label: CLINIC_CATEGORY_LABELS[c] }))

export function PersonFields({ form, errors, audience, lastEntries, update, setRelation, choosePerson }: PersonFieldsProps) {
  const last = lastEntries.map((p, i) => ({ value: String(i), label: `${p.name}（${PERSON_RELATION_LABELS[p.relation]}）` }))
  const chosen = lastEntries.findIndex((p) => p.name === form.name && p.phone === form.phone && p.relation === form.relation)
  return (
    <View className='person-fields'>
      {last.length > 0 ? (
        <FormField label='上次填写过的人' hint='点选即可自动填入，也可以直接修改下面的内容。'>
          <ChoiceChips
            options={last}
            selected={chosen >= 0 ? [String(chosen)] : []}
            onToggle={(value) => {
              const person = lastEntries[Number(value)]
              if (person) choosePerson(person)
            }}
          />
        </FormField>
      ) : null}
      <FormField label='为谁报名' required error={errors.relation}>
        <ChoiceChips options={relations} selected={[form.relation]} onToggle={(v) => setRelation(v as PersonRelation)} />
      </FormField>
      <FormField label={form.relation === 'child' ? '孩子姓名' : '姓名'} required error={errors.name}>
        <FieldInput value={form.name} maxlength={20} placeholder='请填写真实姓名' onChange={(name) => update({ name })} />
      </FormField>
      <FormField label='手机号码' required error={errors.phone} hint={form.relation === 'child' ? '请填写监护人（您）的手机号码。' : undefined}>
        <FieldInput value={form.phone} type='number' maxlength={11} placeholder='11 位手机号码' onChange={(phone) => update({ phone })} />
      </FormField>
      <FormField label='人群类别' required error={errors.category} hint={`本场面向：${audienceText(audience)}`}>
        <ChoiceChips options={categories} selected={[form.category]} onToggle={(v) => update({ category: v as ClinicCategory })} />
      </FormField>
      {needsBirthMonth(form) ? (
        <FormField label='孩子出生年月' required error={errors.birthMonth}>
          <PickerBox mode='month' value={form.birthMonth} placeholder='请选择出生年月' start='2000-01' end={chinaMonthKey()} opensAt={childMonthGuess()} onChange={(birthMonth) => update({ birthMonth })} />
          <Text className='person-fields__guardian'>报名账号的主人即为孩子的监护人。</Text>
        </FormField>
      ) : null}
    </View>
  )
}
