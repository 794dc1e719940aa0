// 作废投票 for one work: the time range (prefilled from the bucket it was opened from), 只作废当天新账号的票,
// a written reason for the audit record, then a confirmation with the number of votes at stake, and the
// outcome — how many were voided and the work's recomputed count. Errors stay under their field.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { WatchBucket } from '@/contract/selection-views'
import { ActionButton } from '@/components/action-button'
import { CheckRow } from '@/components/check-row'
import { FieldInput, FieldTextarea, FormField } from '@/components/form-field'
import { useVoidVotes } from '../../hooks/use-void-votes'
import { wallClock } from '@/utils/time'
import { addMinutes } from '../../utils/clock'
import { workNumber } from '../../utils/text'

export interface VoidTarget {
  workId: string
  number: number | null
  title: string
  series: WatchBucket[]
}

export interface VoidFormProps {
  selectionId: string
  target: VoidTarget
  bucket: WatchBucket
  bucketMinutes: number
  onClose: (changed: boolean) => void
}

export function VoidForm({ selectionId, target, bucket, bucketMinutes, onClose }: VoidFormProps) {
  const [from, setFrom] = useState(wallClock(bucket.start))
  const [to, setTo] = useState(wallClock(addMinutes(bucket.start, bucketMinutes)))
  const [onlyNew, setOnlyNew] = useState(false)
  const [reason, setReason] = useState('')
  const { submit, busy, errors, outcome, progress, clearError } = useVoidVotes(selectionId, target.workId, target.series)
  const name = `${workNumber(target.number)}「${target.title}」`

  if (outcome) {
    return (
      <View className='void-form'>
        <Text className='void-form__title'>{outcome.finished ? `已作废 ${outcome.voided} 票` : `已作废 ${outcome.voided} / ${outcome.planned} 票，其余由系统稍后自动完成`}</Text>
        <Text className='void-form__line'>{name}现有有效票 {outcome.votes} 票，累计作废 {outcome.voidedTotal} 票。</Text>
        <Text className='void-form__line'>理由已记入审计记录（编号 {outcome.auditId}）。</Text>
        <ActionButton onClick={() => onClose(true)}>返回投票监控</ActionButton>
      </View>
    )
  }
  return (
    <View className='void-form'>
      <Text className='void-form__title'>作废投票</Text>
      <Text className='void-form__line'>{name}</Text>
      <FormField label='作废时间范围' required hint='按中国时间填写，含开始时间，不含结束时间' error={errors.range}>
        <FieldInput value={from} onChange={(v) => { setFrom(v); clearError('range') }} placeholder='开始时间，如 2022-06-25 09:05' maxlength={16} />
        <Text className='void-form__to'>至</Text>
        <FieldInput value={to} onChange={(v) => { setTo(v); clearError('range') }} placeholder='结束时间，如 2022-06-25 09:10' maxlength={16} />
      </FormField>
      <CheckRow checked={onlyNew} onChange={setOnlyNew}>
        <Text>只作废当天新账号的票</Text>
        <Text className='void-form__hint'>即当天第一次在本评选投票的账号所投的票</Text>
      </CheckRow>
      <FormField label='作废理由' required hint='至少 5 个字，会记入审计记录' error={errors.reason}>
        <FieldTextarea value={reason} onChange={(v) => { setReason(v); clearError('reason') }} placeholder='写明作废的依据，如核实为同一来源集中刷票' maxlength={200} />
      </FormField>
      {errors.general ? <View className='void-form__error' role='alert'><Text>{errors.general}</Text></View> : null}
      <ActionButton disabled={busy} onClick={() => void submit({ from, to, onlyNewAccounts: onlyNew, reason })}>{progress ? `正在作废… 已作废 ${progress.voided} / ${progress.planned}` : busy ? '正在作废…' : '作废投票'}</ActionButton>
      <ActionButton kind='plain' className='void-form__cancel' onClick={() => onClose(false)}>取消</ActionButton>
    </View>
  )
}
