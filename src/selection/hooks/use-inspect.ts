// 标记已实地考察 for typical cases: one markInspected call per case, with an optional note; a case marked
// here shows as 已考察 at once (the queue shows the stored record after a refresh). Refusals in a modal.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { Work } from '@/contract/selection'
import { call } from '@/services/client'
import { useOneAtATime } from '@/hooks/use-one-at-a-time'
import { chinaIso } from '@/utils/time'

export type Inspected = NonNullable<Work['inspected']>

export function useInspect() {
  const [marked, setMarked] = useState<Record<string, Inspected>>({})
  const [busyId, setBusyId] = useState<string | null>(null)
  const { run } = useOneAtATime()

  const inspect = (workId: string, note: string): Promise<void> => run(async () => {
    setBusyId(workId)
    const trimmed = note.trim()
    const result = await call('selection', 'markInspected', { workId, ...(trimmed ? { note: trimmed } : {}) })
    setBusyId(null)
    if (result.ok) {
      setMarked((all) => ({ ...all, [workId]: { at: chinaIso(Date.now()), by: '', ...(trimmed ? { note: trimmed } : {}) } }))
      return
    }
    await Taro.showModal({ title: '没有标记成功', content: result.message, showCancel: false }).catch(() => undefined)
  })

  return { inspect, marked, busyId }
}
