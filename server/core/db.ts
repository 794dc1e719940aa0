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

/** True for the "E11000 duplicate key" failure of an insert whose `_id` already exists. */
export function isDuplicateKey(error: unknown): boolean {
  const text = error instanceof Error ? error.message : typeof error === 'object' && error ? JSON.stringify(error) : String(error)
  return /E11000|duplicate key/i.test(text)
}
