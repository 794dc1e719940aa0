// One door request at a time (a scanned code, a slot + phone tail, or a chosen match); the last answer
// or failure stays on screen until the next request. A code that starts with `HM:` is a discount-week
// offer (惠民活动周) and goes to content.redeem; every other request is a clinic check-in.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { CheckInResult, InputOf, RedeemResult, Result } from '@/contract'
import { call } from '@/services/client'

/** The prefix of an offer's redeem code (a clinic check-in code never has it). */
export const OFFER_CODE_PREFIX = 'HM:'

export type DoorResult = { kind: 'clinic'; result: CheckInResult } | { kind: 'offer'; result: RedeemResult }

type DoorInput = InputOf<'clinic', 'checkIn'>

async function ask(input: DoorInput): Promise<Result<DoorResult>> {
  if (input.code?.startsWith(OFFER_CODE_PREFIX)) {
    const answer = await call('content', 'redeem', { code: input.code })
    return answer.ok ? { ok: true, data: { kind: 'offer', result: answer.data } } : answer
  }
  const answer = await call('clinic', 'checkIn', input)
  return answer.ok ? { ok: true, data: { kind: 'clinic', result: answer.data } } : answer
}

const succeeded = (door: DoorResult) => (door.kind === 'clinic' ? door.result.outcome === 'checked_in' : door.result.outcome === 'redeemed')

export function useCheckIn() {
  const [result, setResult] = useState<DoorResult | null>(null)
  const [error, setError] = useState('')
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  /** True when the server answered (any outcome); false on a failure or while another is pending. */
  const run = async (input: DoorInput): Promise<boolean> => {
    if (busy.current) return false
    busy.current = true
    setPending(true)
    setError('')
    const answer = await ask(input)
    busy.current = false
    setPending(false)
    if (answer.ok) {
      setResult(answer.data)
      if (succeeded(answer.data)) Taro.vibrateShort({ type: 'medium' }).catch(() => undefined)
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
