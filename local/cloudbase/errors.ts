// CloudBase-style errors: the codes the SDKs map (wx-server-sdk TCB_ERR_CODE, node-sdk ERROR) and the
// `{ code, message, requestId }` body shape the SDK turns into exceptions. An insert whose `_id` exists
// answers DATABASE_DUPLICATE_WRITE, as CloudBase does (docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE),
// with MongoDB's E11000 text as the message; wx-server-sdk, which has no number for that code, turns it
// into errCode -501001 and keeps only the message, node-sdk keeps the code.

export const ErrorCode = {
  SYS_ERR: 'SYS_ERR',
  INVALID_PARAM: 'INVALID_PARAM',
  INVALID_ACTION: 'INVALID_ACTION',
  DATABASE_REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  DATABASE_INVALID_OPERRATOR: 'DATABASE_INVALID_OPERRATOR',
  DATABASE_COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  DATABASE_TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  DATABASE_TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  DATABASE_DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  STORAGE_REQUEST_FAIL: 'STORAGE_REQUEST_FAIL',
  STORAGE_FILE_NONEXIST: 'STORAGE_FILE_NONEXIST',
  SIGN_PARAM_INVALID: 'SIGN_PARAM_INVALID',
} as const

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode]

export class CloudbaseError extends Error {
  readonly code: ErrorCodeName

  constructor(code: ErrorCodeName, message: string) {
    super(message)
    this.code = code
    this.name = 'CloudbaseError'
  }
}

export interface ErrorBody {
  code: string
  message: string
  requestId: string
}

export function invalidParam(message: string): CloudbaseError {
  return new CloudbaseError(ErrorCode.INVALID_PARAM, message)
}

export function dbFailed(message: string): CloudbaseError {
  return new CloudbaseError(ErrorCode.DATABASE_REQUEST_FAILED, message)
}

/** An insert of an `_id` the collection (or the same batch) already holds. */
export function duplicateWrite(collection: string, id: string | number): CloudbaseError {
  return new CloudbaseError(
    ErrorCode.DATABASE_DUPLICATE_WRITE,
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  )
}

/** MongoDB's largest document (BSONObjMaxUserSize), which CloudBase's database inherits. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

/**
 * A write whose resulting document would exceed 16 MB of BSON: MongoDB refuses it ("object to insert
 * too large" / "Resulting document after update is larger than 16777216"), so CloudBase does.
 */
export function documentTooLarge(collection: string, id: string | number, bytes: number, insert: boolean): CloudbaseError {
  const what = insert
    ? `object to insert too large. size in bytes: ${bytes}, max size: ${MAX_DOCUMENT_BYTES}`
    : `Resulting document after update is larger than ${MAX_DOCUMENT_BYTES} (size in bytes: ${bytes})`
  return new CloudbaseError(
    ErrorCode.DATABASE_REQUEST_FAILED,
    `${what}: ${collection}/${String(id)}. 单条记录不能超过 16MB，请把大字段拆到其他记录或存到云存储`,
  )
}

export function collectionNotExist(name: string): CloudbaseError {
  return new CloudbaseError(
    ErrorCode.DATABASE_COLLECTION_NOT_EXIST,
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  )
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}

/** Errors thrown by mingo (bad operators, bad projections...) become database errors. */
export function fromQueryEngine(err: unknown): CloudbaseError {
  if (err instanceof CloudbaseError) return err
  const message = messageOf(err)
  if (/unknown .*operator|not supported|unsupported/i.test(message)) {
    return new CloudbaseError(ErrorCode.DATABASE_INVALID_OPERRATOR, message)
  }
  return dbFailed(message)
}

export function toErrorBody(err: unknown, requestId: string): ErrorBody {
  if (err instanceof CloudbaseError) return { code: err.code, message: err.message, requestId }
  return { code: ErrorCode.SYS_ERR, message: messageOf(err), requestId }
}
