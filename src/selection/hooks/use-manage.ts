// 评选管理's two writes: saving the weights (setWeights) and publishing the results after a confirmation
// (publishResults). Each runs one at a time and keeps its own error; refusals come back in Chinese.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { ScoreWeights } from '@/contract/selection'
import type { PublishOutcome } from '@/contract/selection-views'
import { call } from '@/services/client'
import { useOneAtATime } from '@/hooks/use-one-at-a-time'
import { formulaLine } from '../utils/score-text'

export function useSaveWeights(selectionId: string, onSaved: () => void) {
  const { busy, run, pending } = useOneAtATime()
  const [error, setError] = useState('')
  const save = (weights: ScoreWeights): Promise<void> => run(async () => {
    setError('')
    const result = await pending(call('selection', 'setWeights', { selectionId, ...weights }))
    if (!result.ok) {
      setError(result.issues?.[0]?.message ?? result.message)
      return
    }
    Taro.showToast({ title: '权重已保存', icon: 'none' }).catch(() => undefined)
    onSaved()
  })
  return { save, busy, error, setError }
}

export function usePublish(selectionId: string, weights: ScoreWeights, onPublished: () => void) {
  const { busy, run, pending } = useOneAtATime()
  const [error, setError] = useState('')
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null)
  const publish = (noticeDays: number): Promise<void> => run(async () => {
    setError('')
    const answer = await Taro.showModal({
      title: '确认发布结果',
      content: `将按「${formulaLine(weights)}」计算全部已发布作品的最终得分并公布名次，公示 ${noticeDays} 天。发布后不能再投票，也不能再修改权重。`,
      confirmText: '确认发布',
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    const result = await pending(call('selection', 'publishResults', { selectionId, noticeDays }))
    if (!result.ok) {
      setError(result.issues?.[0]?.message ?? result.message)
      return
    }
    setOutcome(result.data)
    onPublished()
  })
  return { publish, busy, error, setError, outcome }
}
