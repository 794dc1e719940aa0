// The reason for a rejection or a freeze, written before it is confirmed (the author sees it).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { FieldInput } from '@/components/form-field'

export interface ReasonBoxProps {
  verb: string
  busy: boolean
  onConfirm: (reason: string) => void
  onCancel: () => void
}

export function ReasonBox({ verb, busy, onConfirm, onCancel }: ReasonBoxProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const confirm = () => {
    if (reason.trim().length < 2) {
      setError(`请写明${verb}理由（至少 2 个字），作者会看到`)
      return
    }
    onConfirm(reason)
  }
  return (
    <View className='reason-box'>
      <FieldInput value={reason} onChange={(v) => { setReason(v); setError('') }} placeholder={`${verb}理由（作者会看到）`} maxlength={200} />
      {error ? <Text className='reason-box__error'>{error}</Text> : null}
      <View className='review-card__buttons'>
        <ActionButton className='review-card__button' disabled={busy} onClick={confirm}>{`确认${verb}`}</ActionButton>
        <ActionButton className='review-card__button' kind='plain' onClick={onCancel}>取消</ActionButton>
      </View>
    </View>
  )
}
