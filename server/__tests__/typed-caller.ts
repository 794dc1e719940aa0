// Typed callers for handler tests, as tRPC's createCaller: the action name and its input are checked
// against the contract and the answer's data has the contract's output type, so a contract change fails
// the tests' typecheck. `raw` sends what the contract would refuse (bad input is tested through it).
import type { ActionName, InputOf, OutputOf } from '../../src/contract/api'
import type { ErrorCode, FieldIssue } from '../../src/contract/result'
import type { FunctionName } from '../../src/contract/schemas'
import type { Ctx } from '../core/context'
import type { Dispatch } from '../core/router'

/** A call's answer as a test reads it: `data` has the contract's type (absent when `ok` is false). */
export interface Answer<O> {
  ok: boolean
  data: O
  code?: ErrorCode
  message?: string
  issues?: FieldIssue[]
}

export interface Caller<F extends FunctionName> {
  <A extends ActionName<F>>(openid: string, action: A, input: InputOf<F, A>, now?: string): Promise<Answer<OutputOf<F, A>>>
  /** Any action and input, for the refusals of malformed calls. */
  raw(openid: string, action: string, input: unknown, now?: string): Promise<Answer<unknown>>
}

export function createCaller<F extends FunctionName>(dispatch: Dispatch, ctx: (openid: string, now: string) => Ctx, defaultNow: string): Caller<F> {
  const raw = (openid: string, action: string, input: unknown, now = defaultNow) =>
    dispatch({ action, input }, ctx(openid, now)) as Promise<Answer<unknown>>
  const typed = (openid: string, action: string, input: unknown, now?: string) => raw(openid, action, input, now)
  return Object.assign(typed, { raw }) as Caller<F>
}
