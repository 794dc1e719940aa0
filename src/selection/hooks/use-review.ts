// The organiser's decisions: approve, reject or freeze one work at a time (reject and freeze need a
// reason the author sees). A decided work leaves the list; a refusal is spelled out in a modal.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { call } from '@/services/client'
import { workNumber } from '../utils/text'

export type Decision = 'approve' | 'reject' | 'freeze'

const DONE: Record<Decision, string> = { approve: '已通过', reject: '已驳回', freeze: '已冻结' }

export function useReview() {
  const [decided, setDecided] = useState<Record<string, Decision>>({})
  const [busyId, setBusyId] = useState<string | null>(null)
  const busy = useRef(false)

  const decide = async (workId: string, decision: Decision, reason?: string): Promise<boolean> => {
    if (busy.current) return false
    busy.current = true
    setBusyId(workId)
    const result = await call('selection', 'review', { workId, decision, ...(reason ? { reason: reason.trim() } : {}) })
    busy.current = false
    setBusyId(null)
    if (result.ok) {
      setDecided((all) => ({ ...all, [workId]: decision }))
      const number = decision === 'approve' ? `，编号 ${workNumber(result.data.number)}` : ''
      Taro.showToast({ title: `${DONE[decision]}${number}`, icon: 'none' }).catch(() => undefined)
      return true
    }
    await Taro.showModal({ title: '操作未完成', content: result.message, showCancel: false }).catch(() => undefined)
    return false
  }

  return { decide, decided, busyId, reset: () => setDecided({}) }
}
