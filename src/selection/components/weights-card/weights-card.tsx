// 评分权重: the percentages of the public vote and the expert score, two number boxes that always add up
// to 100 (typing one sets the other), the resulting formula, and 保存权重. Locked once results are out.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { SelectionView } from '@/contract/selection'
import { ActionButton } from '@/components/action-button'
import { FieldInput, FormField } from '@/components/form-field'
import { useSaveWeights } from '../../hooks/use-manage'
import { formulaLine, parseWeight } from '../../utils/score-text'

export interface WeightsCardProps {
  selection: SelectionView
  onSaved: () => void
}

const BAD = '请填写 0 到 100 的整数，两项之和为 100'

export function WeightsCard({ selection, onSaved }: WeightsCardProps) {
  const [voteText, setVoteText] = useState(String(selection.weights.vote))
  const [expertText, setExpertText] = useState(String(selection.weights.expert))
  const { save, busy, error, setError } = useSaveWeights(selection._id, onSaved)
  const vote = parseWeight(voteText)
  const expert = parseWeight(expertText)
  const valid = vote !== null && expert !== null && vote + expert === 100
  const locked = Boolean(selection.results)

  const type = (which: 'vote' | 'expert', text: string) => {
    const n = parseWeight(text)
    const [mine, other] = which === 'vote' ? [setVoteText, setExpertText] : [setExpertText, setVoteText]
    mine(text)
    if (n !== null) other(String(100 - n))
    setError(n === null ? BAD : '')
  }

  return (
    <View className='weights-card'>
      <Text className='weights-card__title'>评分权重</Text>
      <FormField label='网络投票（%）' error={error || undefined}>
        <FieldInput type='number' value={voteText} onChange={(v) => type('vote', v)} placeholder='网络投票权重' maxlength={3} />
      </FormField>
      <FormField label='专家评分（%）'>
        <FieldInput type='number' value={expertText} onChange={(v) => type('expert', v)} placeholder='专家评分权重' maxlength={3} />
      </FormField>
      <Text className='weights-card__formula'>{valid ? formulaLine({ vote, expert }) : BAD}</Text>
      <Text className='weights-card__note'>网络投票得分 = 票数 ÷ 同组最高票数 × 100（典型案例按类别分组）</Text>
      {locked ? (
        <Text className='weights-card__note'>结果已经公布，权重不能再修改。</Text>
      ) : (
        <ActionButton disabled={busy || !valid} onClick={() => valid && void save({ vote, expert })}>{busy ? '正在保存…' : '保存权重'}</ActionButton>
      )}
    </View>
  )
}
