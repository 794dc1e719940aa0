// Renders a page's load state: the loading view, the error view with 重试, the empty view when
// `isEmpty` says so, otherwise the content built from the data.
import type { ReactNode } from 'react'
import type { Loaded } from '@/hooks/use-result'
import { ErrorState, Loading } from './state-view'

export interface StateGateProps<T> {
  state: Loaded<T>
  isEmpty?: (data: T) => boolean
  empty?: ReactNode
  children: (data: T) => ReactNode
}

export function StateGate<T>({ state, isEmpty, empty, children }: StateGateProps<T>) {
  if (state.status === 'loading') return <Loading />
  if (state.status === 'error') return <ErrorState message={state.error.message} onRetry={() => void state.reload()} />
  if (isEmpty && isEmpty(state.data)) return <>{empty}</>
  return <>{children(state.data)}</>
}
