// One write at a time behind a button: a second tap while the first run is under way (its checks, its
// confirmation, its request) does nothing. The guard is a ref, not state, so two taps in the same frame
// (before React re-renders the disabled button) still send once. `busy` is for the button's label and
// is true only while a request wrapped in `pending` is out, as the label says (正在保存…).
import { useCallback, useRef, useState } from 'react'

export function useOneAtATime() {
  const running = useRef(false)
  const [busy, setBusy] = useState(false)
  const run = useCallback(async (work: () => Promise<void>): Promise<void> => {
    if (running.current) return
    running.current = true
    try {
      await work()
    } finally {
      running.current = false
    }
  }, [])
  const pending = useCallback(async <T,>(request: Promise<T>): Promise<T> => {
    setBusy(true)
    try {
      return await request
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, run, pending }
}
