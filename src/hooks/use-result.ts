// Loads one Result-returning request for a page: loading → ready | error, plus reload for 重试 and
// pull-down refresh. A reload keeps the shown data until the answer arrives; stale answers are dropped.
import { useCallback, useEffect, useRef, useState } from 'react'
import { fail, type Fail, type Result } from '@/contract'

export type LoadState<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'error'; data: undefined; error: Fail }

export type Loaded<T> = LoadState<T> & { reload: () => Promise<void> }

const LOADING = { status: 'loading', data: undefined, error: undefined } as const

/** `key` names the request: when it changes (another id), the page starts over from loading. */
export function useResult<T>(load: () => Promise<Result<T>>, key: string): Loaded<T> {
  const [state, setState] = useState<LoadState<T>>(LOADING)
  const loadRef = useRef(load)
  loadRef.current = load
  const seq = useRef(0)
  const mounted = useRef(false)

  const run = useCallback(async (fresh: boolean) => {
    const id = ++seq.current
    setState((s) => (fresh || s.status !== 'ready' ? LOADING : s))
    let result: Result<T>
    try {
      result = await loadRef.current()
    } catch {
      result = fail('INTERNAL')
    }
    if (!mounted.current || id !== seq.current) return
    setState(result.ok
      ? { status: 'ready', data: result.data, error: undefined }
      : { status: 'error', data: undefined, error: result })
  }, [])

  useEffect(() => {
    mounted.current = true
    void run(true)
    return () => {
      mounted.current = false
    }
  }, [key, run])

  const reload = useCallback(() => run(false), [run])
  return { ...state, reload }
}
