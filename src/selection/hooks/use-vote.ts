// 投票 on a work's page: one request at a time (a double tap before React re-renders is ignored), the
// same requestId sent again when the network failed so a retry never counts twice, a fresh one after
// any answer. The server decides the limits; its Chinese message is shown when it refuses.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { call } from '@/services/client'
import { newRequestId } from '../utils/text'

export function useVote(selectionId: string, workId: string, onCounted: () => Promise<void>) {
  const busy = useRef(false)
  const requestId = useRef<string | null>(null)
  const [pending, setPending] = useState(false)
  const [message, setMessage] = useState('')

  const vote = async () => {
    if (busy.current) return
    busy.current = true
    setPending(true)
    setMessage('')
    requestId.current = requestId.current ?? newRequestId()
    const result = await call('selection', 'vote', { selectionId, workId, requestId: requestId.current })
    if (result.ok || result.code !== 'NETWORK') requestId.current = null
    if (result.ok) {
      Taro.showToast({ title: result.data.status === 'counted' ? '投票成功，谢谢支持' : '这一票已经记上了', icon: 'none' }).catch(() => undefined)
      await onCounted()
    } else {
      setMessage(result.message)
    }
    busy.current = false
    setPending(false)
  }

  return { vote, pending, message }
}
