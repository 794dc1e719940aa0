// One check-in request at a time (a scanned code, a slot + phone tail, or a chosen match); the last
// answer or failure stays on screen until the next request.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { CheckInResult, InputOf } from '@/contract'
import { call } from '@/services/client'

export function useCheckIn() {
  const [result, setResult] = useState<CheckInResult | null>(null)
  const [error, setError] = useState('')
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  /** True when the server answered (any outcome); false on a failure or while another is pending. */
  const run = async (input: InputOf<'clinic', 'checkIn'>): Promise<boolean> => {
    if (busy.current) return false
    busy.current = true
    setPending(true)
    setError('')
    const answer = await call('clinic', 'checkIn', input)
    busy.current = false
    setPending(false)
    if (answer.ok) {
      setResult(answer.data)
      if (answer.data.outcome === 'checked_in') Taro.vibrateShort({ type: 'medium' }).catch(() => undefined)
    } else {
      setResult(null)
      setError(answer.issues?.[0]?.message ?? answer.message)
    }
    Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
    return answer.ok
  }

  const clear = () => {
    setResult(null)
    setError('')
  }

  return { result, error, pending, run, clear }
}
