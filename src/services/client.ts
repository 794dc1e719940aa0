// The typed client of the cloud functions: call('festival', 'home', {}) → Result<HomeView>.
// Transport failures become a NETWORK result, so pages only ever handle one shape.
import { fail, type ActionName, type FunctionName, type InputOf, type OutputOf, type Result } from '@/contract'
import { invoke } from './transport'

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { ok?: unknown; code?: unknown }
  return v.ok === true || (v.ok === false && typeof v.code === 'string')
}

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
