// useAction('festival', 'venue', { venueId }) → { status, data, error, reload } for one cloud-function call.
import type { ActionName, FunctionName, InputOf, OutputOf } from '@/contract'
import { call } from '@/services/client'
import { useResult, type Loaded } from './use-result'

export function useAction<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Loaded<OutputOf<F, A>> {
  return useResult(() => call(fn, action, input), `${fn}.${action}:${JSON.stringify(input)}`)
}
