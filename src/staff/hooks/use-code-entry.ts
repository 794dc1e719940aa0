// The two ways to identify a resident at the door, as page state: the scanned or typed code, and the
// chosen slot with a phone tail (checked against the same rule as the server's schema).
import { useCallback, useState } from 'react'
import type { ClinicSlotSummary } from '@/contract'
import { MESSAGES, PHONE_TAIL_PATTERN } from '../../clinic/utils/rules'

const EMPTY_CODE = '请先粘贴或输入签到码：在居民「我的报名」的二维码下方'

export function useCodeEntry() {
  const [code, setCodeText] = useState('')
  const [codeError, setCodeError] = useState('')
  const [slot, setSlot] = useState<ClinicSlotSummary | null>(null)
  const [tail, setTail] = useState('')
  const [tailError, setTailError] = useState('')

  const setCode = (value: string) => {
    setCodeText(value)
    setCodeError('')
  }
  /** The typed code, or null with the field error shown when nothing was typed. */
  const typedCode = () => {
    const typed = code.trim()
    if (!typed) setCodeError(EMPTY_CODE)
    return typed || null
  }
  const chooseSlot = useCallback((chosen: ClinicSlotSummary) => setSlot(chosen), [])
  const changeTail = (value: string) => {
    setTail(value)
    setTailError('')
  }
  /** The search input when the tail is valid; otherwise the field error is shown and null returned. */
  const search = () => {
    if (!slot) return null
    if (!PHONE_TAIL_PATTERN.test(tail.trim())) {
      setTailError(MESSAGES.phoneTail)
      return null
    }
    return { slotId: slot._id, phoneTail: tail.trim() }
  }

  return { code, setCode, codeError, typedCode, slot, chooseSlot, tail, changeTail, tailError, search }
}
