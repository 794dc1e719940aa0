// Typed reads over wx-server-sdk queries. The SDK's typings declare get() as returning
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
