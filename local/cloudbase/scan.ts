// The one filtering path of reads, counts, writes and an aggregate's leading $match stages: the stored
// documents matching a filter (or several that must all hold), in natural (insertion) order. A
// `{ _id: id }` filter is answered by the map lookup; a read sorted by `_id` walks the `_id` index
// (firstByIdOrder, id-order.ts); anything else scans the collection in memory (there are no other
// indexes), with a cheap scalar pre-check before mingo's test. The documents
// returned are the live stored objects: callers copy before handing them to code that may mutate them
// (the aggregation pipeline) and never mutate them themselves.

import type { Doc, Store } from './store'
import { isPlainObject } from './ejson'
import { Filter, newQuery } from './mongo'
import { docIdOf } from './params'

// A check is false only when mingo's test certainly fails. For a top-level field holding a scalar
// (string, number, boolean, null or nothing) mingo's `$eq` with a scalar is `===`, and `$gt/$gte/
// $lt/$lte` with a string or finite number need the same type and hold as JS's comparison does;
// arrays, objects and dates (element and whole-value matches) and NaN are left to mingo.
type Check = (actual: unknown) => boolean
type Bound = string | number
const SCALAR_TYPES = new Set(['string', 'number', 'boolean', 'undefined'])
const RANGES: Record<string, (a: Bound, b: Bound) => boolean> = {
  $gt: (a, b) => a > b, $gte: (a, b) => a >= b, $lt: (a, b) => a < b, $lte: (a, b) => a <= b,
}
const isScalar = (v: unknown): boolean => v === null || SCALAR_TYPES.has(typeof v)
const isBound = (v: unknown): v is Bound => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
const equals = (wanted: unknown): Check => (actual) => actual === wanted || !isScalar(actual)
const ordered = (holds: (a: Bound, b: Bound) => boolean, bound: Bound): Check => (actual) =>
  !isScalar(actual) || Number.isNaN(actual) || (typeof actual === typeof bound && holds(actual as Bound, bound))

function checksOf(value: unknown): Check[] {
  if (isBound(value) || typeof value === 'boolean') return [equals(value)]
  if (!isPlainObject(value)) return []
  const ops = Object.keys(value)
  if (ops.length === 0 || !ops.every((op) => op.startsWith('$'))) return []
  return ops.flatMap((op) => {
    const operand = value[op]
    if (op === '$eq' && (isBound(operand) || typeof operand === 'boolean')) return [equals(operand)]
    const holds = RANGES[op]
    return holds && isBound(operand) ? [ordered(holds, operand)] : []
  })
}

/**
 * A document test with mingo's semantics. Before mingo's test (≈ 0.4 µs a document, several µs with
 * array paths), the filter's top-level scalar equalities and ranges are checked by property reads, so
 * scans by `selectionId`-like fields or `_id` ranges skip mingo for the documents they exclude.
 */
export function compileFilter(filter: Filter): (doc: Doc) => boolean {
  const query = newQuery(filter)
  const fields: string[] = []
  const checks: Check[] = []
  for (const [field, value] of Object.entries(filter)) {
    if (field === '' || field.startsWith('$') || field.includes('.')) continue
    for (const check of checksOf(value)) {
      fields.push(field)
      checks.push(check)
    }
  }
  return (doc) => {
    for (let i = 0; i < checks.length; i += 1) {
      if (!(checks[i] as Check)(doc[fields[i] as string])) return false
    }
    return query.test(doc)
  }
}

/** `max` (at least 1) stops the scan early, for writes that touch a single document. */
export function matchingDocs(store: Store, collection: string, filters: Filter[], max = Infinity): Doc[] {
  const tests = filters.map(compileFilter)
  const accepts = tests.length === 1 ? (tests[0] as (doc: Doc) => boolean) : (doc: Doc): boolean => tests.every((test) => test(doc))
  const first = filters[0]
  const id = first === undefined ? undefined : docIdOf(first)
  if (id !== undefined) {
    const doc = store.get(collection, id)
    return doc && accepts(doc) ? [doc] : []
  }
  return firstAccepted(store.docs(collection)?.values() ?? [], accepts, max)
}

/** The first `max` documents of `docs` that `accepts` lets through, in their order. */
function firstAccepted(docs: Iterable<Doc>, accepts: (doc: Doc) => boolean, max: number): Doc[] {
  const found: Doc[] = []
  if (max <= 0) return found
  for (const doc of docs) {
    if (!accepts(doc)) continue
    found.push(doc)
    if (found.length >= max) break
  }
  return found
}

/** The range an `_id` condition of a filter allows, for starting a walk of the `_id` index. */
function idBounds(filter: Filter): { low?: string; high?: string } {
  const cond = filter._id
  if (!isPlainObject(cond)) return {}
  const bound = (op: string) => (typeof cond[op] === 'string' ? (cond[op] as string) : undefined)
  return { low: bound('$gt') ?? bound('$gte'), high: bound('$lt') ?? bound('$lte') }
}

/**
 * The first `max` documents matching `filter` in `_id` order (ascending for 1, descending for -1), read
 * from the collection's `_id` index from the filter's own `_id` bound; undefined when the collection has
 * no usable index (a number `_id` in it), for the caller to scan and sort instead. Same documents, same
 * order as scanning everything and sorting by `_id`.
 */
export function firstByIdOrder(store: Store, collection: string, filter: Filter, direction: 1 | -1, max: number): Doc[] | undefined {
  const order = store.idOrder(collection)
  if (!order || docIdOf(filter) !== undefined) return undefined
  const { low, high } = idBounds(filter)
  return firstAccepted(direction === 1 ? order.ascending(low) : order.descending(high), compileFilter(filter), max)
}
