// A typical case's on-site inspection (实地考察): 标记已实地考察 with an optional note, or, once done,
// 已考察 with its time, who marked it and the note.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Work } from '@/contract/selection'
import { ActionButton } from '@/components/action-button'
import { FieldInput } from '@/components/form-field'
import { Tag } from '@/components/tag'
import { shortInstant } from '@/utils/time'

export interface InspectBoxProps {
  inspected?: Work['inspected']
  busy: boolean
  onInspect: (note: string) => void
}

export function InspectBox({ inspected, busy, onInspect }: InspectBoxProps) {
  const [asking, setAsking] = useState(false)
  const [note, setNote] = useState('')
  if (inspected) {
    return (
      <View className='inspect-box'>
        <Tag tone='grey'>已考察</Tag>
        <Text className='inspect-box__line'>{shortInstant(inspected.at)}{inspected.by ? ` · ${inspected.by}` : ''}</Text>
        {inspected.note ? <Text className='inspect-box__line'>考察记录：{inspected.note}</Text> : null}
      </View>
    )
  }
  if (!asking) {
    return (
      <View className='inspect-box'>
        <ActionButton kind='plain' onClick={() => setAsking(true)}>标记已实地考察</ActionButton>
      </View>
    )
  }
  return (
    <View className='inspect-box'>
      <FieldInput value={note} onChange={setNote} placeholder='考察记录（选填），如 考察组 3 人到院核实' maxlength={200} />
      <View className='review-card__buttons'>
        <ActionButton className='review-card__button' disabled={busy} onClick={() => onInspect(note)}>{busy ? '正在提交…' : '确认已考察'}</ActionButton>
        <ActionButton className='review-card__button' kind='plain' onClick={() => setAsking(false)}>取消</ActionButton>
      </View>
    </View>
  )
}
