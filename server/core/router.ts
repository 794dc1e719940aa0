// A function's typed action router. `Handlers<F>` is a Record over every action the contract declares
// for function F, so a missing or mistyped handler fails the typecheck. `createDispatcher` validates the
// envelope and the input, runs the handler, and turns anything unexpected into an INTERNAL result.
import type { Api, ActionName } from '../../src/contract/api'
import { fail, type Result } from '../../src/contract/result'
import { functionContracts, type FunctionName } from '../../src/contract/schemas'
import type { Ctx } from './context'
import { toFieldIssues } from './validate'

export type Handler<I, O> = (input: I, ctx: Ctx) => Promise<Result<O>>

export type Handlers<F extends FunctionName> = {
  [A in ActionName<F>]: Handler<Api[F][A]['parsed'], Api[F][A]['output']>
}

export type Dispatch = (event: unknown, ctx: Ctx) => Promise<Result<unknown>>

interface Parseable {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: import('zod').ZodError }
}

export function createDispatcher<F extends FunctionName>(fn: F, handlers: Handlers<F>): Dispatch {
  const contracts = functionContracts[fn] as unknown as Record<string, { input: Parseable }>
  const table = handlers as unknown as Record<string, Handler<unknown, unknown>>
  return async (event, ctx) => {
    if (typeof event !== 'object' || event === null || typeof (event as { action?: unknown }).action !== 'string') {
      return fail('INVALID_INPUT', '请求格式不正确：缺少 action 字段')
    }
    const { action, input } = event as { action: string; input?: unknown }
    const schema = Object.prototype.hasOwnProperty.call(contracts, action) ? contracts[action]?.input : undefined
    const handler = Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined
    if (!schema || !handler) return fail('UNKNOWN_ACTION', `功能「${action.slice(0, 40)}」不存在，请更新小程序后重试`)
    const parsed = schema.safeParse(input ?? {})
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error)
      return fail('INVALID_INPUT', `提交的内容有误：${issues[0]?.message ?? '请检查后重试'}`, issues)
    }
    try {
      return await handler(parsed.data, ctx)
    } catch (error) {
      console.error(`[${fn}.${action}]`, error)
      return fail('INTERNAL')
    }
  }
}
