// Small typed checks for handler tests: each fails the test when the value is not what the test needs
// and hands it back narrowed, so tests read answers and stored documents without `!` or casts.
import type { DB } from 'wx-server-sdk'
import type { Result } from '../../src/contract/result'
import { getDocs } from '../core/db'

/** The value itself; the test fails here when it is null or undefined. */
export function present<T>(value: T | null | undefined, what = '值'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be present, got ${String(value)}`)
  return value
}

/** The data of a handler's Result; the test fails here, showing the refusal, when it is not ok. */
export function okData<T>(res: Result<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res)}`)
  return res.data
}

/** The member of a tagged union whose `key` is `tag`; the test fails here when it is another member. */
export function variant<T, K extends keyof T, const V extends T[K]>(value: T, key: K, tag: V): Extract<T, { [P in K]: V }> {
  expect(value[key]).toBe(tag)
  return value as Extract<T, { [P in K]: V }>
}

/** Documents of a collection matching `where` (up to 1000), read through the SDK as the given record type. */
export function docsWhere<T>(db: DB.Database, collection: string, where: Record<string, unknown> = {}): Promise<T[]> {
  return getDocs<T>(db.collection(collection).where(where).limit(1000))
}

/** One document by id; the test fails here when it is missing. */
export async function docById<T>(db: DB.Database, collection: string, id: string): Promise<T> {
  const [doc] = await docsWhere<T>(db, collection, { _id: id })
  return present(doc, `${collection}/${id}`)
}
