// One confirmed action on one card of a list of mine (取消报名, 撤回作品): a confirm modal first, then the
// call, one at a time; the answer replaces the card's item until the list reloads, a refusal is spelled
// out in a modal, and dismissing the modal does nothing.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { Result } from '@/contract'

export interface ItemActionSpec<I extends { _id: string }> {
  /** The confirm modal's texts for this item. */
  confirm: (item: I) => { title: string; content: string; confirmText: string; cancelText: string }
  /** The call; its answer is the item as it now is. */
  act: (item: I) => Promise<Result<I>>
  /** The toast after success, and the refusal modal's title. */
  doneToast: string
  failTitle: string
}

export function useItemAction<I extends { _id: string }>(spec: ItemActionSpec<I>) {
  const [updated, setUpdated] = useState<Record<string, I>>({})
  const [running, setRunning] = useState<string | null>(null)
  const busy = useRef(false)

  const run = async (item: I) => {
    if (busy.current) return
    busy.current = true
    const answer = await Taro.showModal(spec.confirm(item)).catch(() => ({ confirm: false }))
    if (!answer.confirm) {
      busy.current = false
      return
    }
    setRunning(item._id)
    const result = await spec.act(item)
    busy.current = false
    setRunning(null)
    if (result.ok) {
      setUpdated((all) => ({ ...all, [item._id]: result.data }))
      Taro.showToast({ title: spec.doneToast, icon: 'none' }).catch(() => undefined)
      return
    }
    await Taro.showModal({ title: spec.failTitle, content: result.message, showCancel: false }).catch(() => undefined)
  }

  /** The item as last known: the action's answer when there is one. */
  const current = (item: I) => updated[item._id] ?? item
  /** Forgets the answers (after the list reloads with them). */
  const reset = () => setUpdated({})

  return { run, running, current, reset }
}
