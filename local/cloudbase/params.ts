// Reading and validating the fields of a `database.*` request body (as built by @cloudbase/database).

import crypto from 'crypto'
import type { DocId, Store } from './store'
import { collectionNotExist, invalidParam } from './errors'
import { isPlainObject } from './ejson'

export type Params = Record<string, unknown>

/** Server-side `get()` limits (CloudBase docs; the SDK also clamps to 1000 and defaults to 100). */
export const DEFAULT_GET_LIMIT = 100
export const MAX_GET_LIMIT = 1000
/** Server-side aggregate returns 20 documents when the pipeline has no `$limit` stage. */
export const DEFAULT_AGGREGATE_LIMIT = 20

const COLLECTION_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/

export function assertCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw invalidParam(`invalid collection name: ${JSON.stringify(name)}`)
  }
  return name
}

/** The `collectionName` of the request, which must exist. */
export function existingCollection(store: Store, params: Params): string {
  const name = params.collectionName
  if (typeof name !== 'string' || name === '') throw invalidParam('collectionName is required')
  if (!store.hasCollection(name)) throw collectionNotExist(name)
  return name
}

export function isDocId(value: unknown): value is DocId {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))
}

/** The `_id` of a `{ _id: <id> }` query (doc(id) operations and transactions). */
export function docIdOf(query: Record<string, unknown>): DocId | undefined {
  const keys = Object.keys(query)
  const id = query._id
  return keys.length === 1 && isDocId(id) ? id : undefined
}

export function requireDocId(query: Record<string, unknown>): DocId {
  const id = docIdOf(query)
  if (id === undefined) {
    throw invalidParam('transactions only support single-document operations: doc(id).get/set/update/remove and add')
  }
  return id
}

export function optionalInt(params: Params, field: string, fallback: number): number {
  const value = params[field]
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidParam(`${field} must be a non-negative integer`)
  }
  return value
}

export function getLimit(params: Params): number {
  const limit = optionalInt(params, 'limit', DEFAULT_GET_LIMIT)
  if (limit === 0) return DEFAULT_GET_LIMIT
  return Math.min(limit, MAX_GET_LIMIT)
}

export function sortOf(order: Record<string, unknown>): Record<string, 1 | -1> {
  const sort: Record<string, 1 | -1> = {}
  for (const [field, direction] of Object.entries(order)) {
    if (direction === 1 || direction === 'asc') sort[field] = 1
    else if (direction === -1 || direction === 'desc') sort[field] = -1
    else throw invalidParam(`invalid order for ${field}: ${String(direction)}`)
  }
  return sort
}

/** CloudBase-like auto `_id`: 32 hex chars, starting with the creation time in seconds. */
export function newDocId(): string {
  const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0')
  return seconds + crypto.randomBytes(12).toString('hex')
}

/** Top-level equality fields of a filter, used to seed an upserted document. */
export function equalityFields(filter: Record<string, unknown>): Record<string, unknown> {
  const seed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$') || key.includes('.') || key === '_id') continue
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) continue
    seed[key] = value
  }
  return seed
}
