// Typed reads and write results over wx-server-sdk queries. The SDK's typings declare get() as returning
// `Promise<IQueryResult> | void | string`; these helpers narrow that once instead of at every call.

interface Gettable {
  get(): unknown
}

export async function getDocs<T>(query: Gettable): Promise<T[]> {
  const res = (await query.get()) as { data?: unknown } | undefined
  return Array.isArray(res?.data) ? (res.data as T[]) : []
}

export async function getFirst<T>(query: Gettable): Promise<T | null> {
  return (await getDocs<T>(query))[0] ?? null
}

/** How many documents an update changed (`stats.updated`): 1 or 0 for a conditional single update. */
export async function updated(write: unknown): Promise<number> {
  const res = (await write) as { stats?: { updated?: number } } | undefined
  return res?.stats?.updated ?? 0
}

/** CloudBase's error code for a write that repeats a unique key, e.g. an insert whose `_id` exists. */
export const DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE'

/**
 * True when an insert failed because its `_id` (or another unique key) already exists — the signal
 * every idempotent retry here relies on. The error code decides first: CloudBase's
 * DATABASE_DUPLICATE_WRITE as `code` (node-sdk) or `errCode`, or MongoDB's 11000. wx-server-sdk has no
 * number for that code (it reports -501001 or -502001 and keeps only the message), so the message is
 * the fallback: the code's name, or MongoDB's "E11000 duplicate key" that CloudBase passes on.
 */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error === 'object' && error !== null) {
    const { code, errCode } = error as { code?: unknown; errCode?: unknown }
    if (code === DUPLICATE_WRITE || errCode === DUPLICATE_WRITE || code === 11000 || errCode === 11000) return true
  }
  const text = error instanceof Error ? error.message : typeof error === 'object' && error ? JSON.stringify(error) : String(error)
  return /DATABASE_DUPLICATE_WRITE|E11000|duplicate key/i.test(text)
}
