// 发布结果: the notice period in days, 发布结果 (after a confirmation; possible once voting has closed),
// then the outcome — works ranked, counts corrected from the vote records, end of the notice period.
// Once published it says when and links to 结果公示.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { SelectionView } from '@/contract/selection'
import { ActionButton } from '@/components/action-button'
import { FieldInput, FormField } from '@/components/form-field'
import { openPage } from '@/utils/nav'
import { usePublish } from '../../hooks/use-manage'
import { selectionRoutes } from '../../routes'
import { shortInstant } from '@/utils/time'
import { noticeLine } from '../../utils/score-text'

export interface PublishCardProps {
  selection: SelectionView
  onPublished: () => void
}

const OPEN_PHASES = ['upcoming', 'submission', 'review', 'voting']

export function PublishCard({ selection, onPublished }: PublishCardProps) {
  const [days, setDays] = useState(String(selection.noticeDays))
  const { publish, busy, error, setError, outcome } = usePublish(selection._id, selection.weights, onPublished)
  const toResults = <ActionButton kind='plain' onClick={() => openPage(selectionRoutes.results(selection._id))}>查看结果公示</ActionButton>

  if (outcome) {
    return (
      <View className='publish-card'>
        <Text className='publish-card__title'>评选结果已发布</Text>
        <Text className='publish-card__line'>共 {outcome.works} 件作品参与排名，其中 {outcome.recounted} 件的票数已按投票记录重新核对。</Text>
        <Text className='publish-card__line'>{noticeLine(outcome.noticeUntil)}</Text>
        {toResults}
      </View>
    )
  }
  if (selection.results) {
    return (
      <View className='publish-card'>
        <Text className='publish-card__title'>评选结果</Text>
        <Text className='publish-card__line'>已于 {shortInstant(selection.results.publishedAt)} 发布，{noticeLine(selection.results.noticeUntil)}。</Text>
        {toResults}
      </View>
    )
  }
  const early = OPEN_PHASES.includes(selection.phase)
  const send = () => {
    const n = Number(days.trim())
    if (!/^\d{1,2}$/.test(days.trim()) || n < 1 || n > 30) {
      setError('公示天数请填写 1 到 30 的整数')
      return
    }
    void publish(n)
  }
  return (
    <View className='publish-card'>
      <Text className='publish-card__title'>发布结果</Text>
      <FormField label='公示期（天）' hint='发布次日起算，公示期内接受异议' error={error || undefined}>
        <FieldInput type='number' value={days} onChange={(v) => { setDays(v); setError('') }} placeholder='公示天数' maxlength={2} />
      </FormField>
      {early ? <Text className='publish-card__line'>投票 {shortInstant(selection.windows.voteUntil)} 结束后才能发布结果。</Text> : null}
      <ActionButton disabled={busy || early} onClick={send}>{busy ? '正在发布…' : '发布结果'}</ActionButton>
    </View>
  )
}
