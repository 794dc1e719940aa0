// The one result shape every cloud-function action answers with, and the error codes the app understands.
// Kept free of zod so the mini-program can import it without pulling the validator into its bundle.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_FUNCTION',
  'UNKNOWN_ACTION',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'NETWORK',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Default Chinese messages: each tells the user what to do next. Handlers may pass a more specific one. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '提交的内容有误，请检查后重试',
  UNKNOWN_FUNCTION: '请求的服务不存在，请更新小程序后重试',
  UNKNOWN_ACTION: '请求的功能不存在，请更新小程序后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大，请精简后重试',
  NOT_FOUND: '没有找到相关内容，可能已被删除，请返回上一页',
  UNAUTHENTICATED: '请先登录后再操作',
  FORBIDDEN: '您没有权限进行此操作，如需开通请联系活动组委会',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  NETWORK: '网络连接失败，请检查网络后点击重试',
  INTERNAL: '服务暂时出现问题，请稍后重试',
}

export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] }
export type Result<T> = Ok<T> | Fail

/** One problem with one input field, for forms to show beside the field. */
export interface FieldIssue {
  path: string
  message: string
}

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data })

/** True when a value has the Result shape (what a transport hands back before it is trusted). */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { ok?: unknown; code?: unknown }
  return v.ok === true || (v.ok === false && typeof v.code === 'string')
}

export const fail = (code: ErrorCode, message?: string, issues?: FieldIssue[]): Fail =>
  issues && issues.length > 0
    ? { ok: false, code, message: message ?? ERROR_MESSAGES[code], issues }
    : { ok: false, code, message: message ?? ERROR_MESSAGES[code] }

/** Every call to a cloud function carries exactly this envelope. */
export interface CallEnvelope<A extends string = string, I = unknown> {
  action: A
  input?: I
}
