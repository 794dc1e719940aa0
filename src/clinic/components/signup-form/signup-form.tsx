// The sign-up form of a slot: the person, services wanted, an optional note, consent to the privacy
// notice, 提醒我, and one submit button (加入候补 when the slot is full) that is disabled while pending.
import { Text, View } from '@tarojs/components'
import { CLINIC_PRIVACY_NOTICE, type ClinicSlotDetail, type SignupPerson } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { CheckRow } from '@/components/check-row'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldTextarea, FormField } from '@/components/form-field'
import { useSignupForm } from '../../hooks/use-signup-form'
import { PersonFields } from './person-fields'

export interface SignupFormProps {
  slot: ClinicSlotDetail
  lastEntries: readonly SignupPerson[]
}

export function SignupForm({ slot, lastEntries }: SignupFormProps) {
  const { form, full: waitlist, errors, formError, pending, update, setRelation, choosePerson, toggleService, submit } = useSignupForm(slot, lastEntries)
  const idle = waitlist ? '加入候补' : '提交报名'
  return (
    <View className='signup-form'>
      <PersonFields
        form={form}
        errors={errors}
        audience={slot.audience}
        lastEntries={lastEntries}
        update={update}
        setRelation={setRelation}
        choosePerson={choosePerson}
      />
      <FormField label='想要的义诊服务（可多选）' required error={errors.services}>
        <ChoiceChips multiple options={slot.services.map((s) => ({ value: s, label: s }))} selected={form.services} onToggle={toggleService} />
      </FormField>
      <FormField label='备注（选填）' error={errors.note}>
        <FieldTextarea value={form.note} placeholder='如行动不便、需要轮椅等' onChange={(note) => update({ note })} />
      </FormField>
      <View className={`signup-form__consent ${errors.agree ? 'signup-form__consent--invalid' : ''}`}>
        <Text className='signup-form__notice-title'>义诊报名个人信息说明</Text>
        <Text className='signup-form__notice'>{CLINIC_PRIVACY_NOTICE}</Text>
        <CheckRow checked={form.agree} onChange={(agree) => update({ agree })}>我已阅读并同意以上说明</CheckRow>
        {errors.agree ? <View className='form-field__error' role='alert'><Text>{errors.agree}</Text></View> : null}
      </View>
      <CheckRow checked={form.remind} onChange={(remind) => update({ remind })}>
        提醒我：义诊前一天{waitlist ? '和候补转正时' : ''}通过微信通知我
      </CheckRow>
      {waitlist ? <Text className='signup-form__waitlist'>本场名额已满。加入候补后，有人取消时将按顺序自动为您转为报名成功。</Text> : null}
      {formError ? <View className='signup-form__error' role='alert'><Text>{formError}</Text></View> : null}
      <View className='signup-form__submit'>
        <ActionButton disabled={pending} onClick={() => void submit()}>{pending ? '正在提交…' : idle}</ActionButton>
      </View>
    </View>
  )
}
