// The typed client of the cloud functions: call('festival', 'home', {}) → Result<HomeView>.
// Transport failures become a NETWORK result, so pages only ever handle one shape.
import { fail, isResult, type ActionName, type FunctionName, type InputOf, type OutputOf, type Result } from '@/contract'
import { invoke } from './transport'

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<Result<OutputOf<F, A>>> {
  let raw: unknown
  try {
    raw = await invoke(fn, { action, input })
  } catch {
    return fail('NETWORK')
  }
  if (!isResult(raw)) return fail('INTERNAL')
  return raw as Result<OutputOf<F, A>>
}
