// Pieces every work form shares: the selection's name and window on top, 作品中有儿童 with the guardian's
// consent, and the form error above the submit button (which reads 正在提交… while the call runs).
import { Text, View } from '@tarojs/components'
import type { SelectionView } from '@/contract/selection'
import { ActionButton } from '@/components/action-button'
import { CheckRow } from '@/components/check-row'
import { FormField } from '@/components/form-field'
import { submitWindow } from '../utils/text'

export function FormHead({ selection }: { selection: SelectionView }) {
  return (
    <View>
      <Text className='selection-submit__title'>{selection.title}</Text>
      <Text className='selection-submit__line'>{submitWindow(selection)}</Text>
    </View>
  )
}

export interface ConsentFieldsProps {
  showsChild: boolean
  guardianConsent: boolean
  error?: string
  /** 照片 or 视频, as the consent sentence names the work. */
  noun: string
  onChange: (change: { showsChild?: boolean; guardianConsent: boolean }) => void
}

export function ConsentFields({ showsChild, guardianConsent, error, noun, onChange }: ConsentFieldsProps) {
  return (
    <View>
      <CheckRow checked={showsChild} onChange={(on) => onChange({ showsChild: on, guardianConsent: on && guardianConsent })}>
        <Text className='selection-submit__check'>作品中有儿童</Text>
      </CheckRow>
      {showsChild ? (
        <FormField label='监护人同意' required error={error}>
          <CheckRow checked={guardianConsent} onChange={(on) => onChange({ guardianConsent: on })}>
            <Text className='selection-submit__check'>{`我是${noun}中儿童的监护人，同意公开展示这件作品`}</Text>
          </CheckRow>
        </FormField>
      ) : null}
    </View>
  )
}

export function SubmitFooter({ formError, pending, onSubmit, label = '提交作品' }: { formError: string; pending: boolean; onSubmit: () => void; label?: string }) {
  return (
    <View>
      {formError ? <View className='selection-submit__error' role='alert'><Text>{formError}</Text></View> : null}
      <View className='selection-submit__actions'>
        <ActionButton disabled={pending} onClick={onSubmit}>{pending ? '正在提交…' : label}</ActionButton>
      </View>
    </View>
  )
}
