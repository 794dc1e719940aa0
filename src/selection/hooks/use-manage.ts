// 评选管理's writes: saving the weights (setWeights), publishing the results after a confirmation
// (publishResults) and opening, extending or ending a phase (setWindow). Each runs one at a time and keeps its own error; refusals come back in Chinese.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { ScoreWeights, SelectionWindowKey, WindowMove } from '@/contract/selection'
import { endText } from '@/utils/deadline'
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

export interface WindowChange {
  window: SelectionWindowKey
  move: WindowMove
  until?: string
  reason: string
  /** The phase's name, for the confirmation. */
  label: string
}

const MOVE_WORDS: Record<WindowMove, string> = { open: '开启', extend: '延长', end: '立即结束' }

/** 阶段与时间: checks the reason and day first, confirms, then one setWindow; refusals come back in Chinese. */
export function useSetWindow(selectionId: string, onChanged: () => void) {
  const { busy, run, pending } = useOneAtATime()
  const [error, setError] = useState('')
  const move = (change: WindowChange): Promise<void> => run(async () => {
    setError('')
    if (change.move !== 'end' && !change.until) {
      setError('请先选择截止日期')
      return
    }
    if (change.reason.length < 2) {
      setError('请写明调整理由（至少 2 个字），会记入操作日志')
      return
    }
    const when = change.until ? `，至 ${endText(change.until)}` : '，现在起不再接受'
    const answer = await Taro.showModal({
      title: `${MOVE_WORDS[change.move]}${change.label}`,
      content: `确定${MOVE_WORDS[change.move]}「${change.label}」${when}？首页和表单会显示新的时间，此次调整记入操作日志。`,
      confirmText: '确定',
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    const { label: _label, ...input } = change
    const result = await pending(call('selection', 'setWindow', { selectionId, ...input }))
    if (!result.ok) {
      setError(result.issues?.[0]?.message ?? result.message)
      return
    }
    Taro.showToast({ title: '已调整', icon: 'none' }).catch(() => undefined)
    onChanged()
  })
  return { move, busy, error }
}
