// The `database.*` actions of the CloudBase admin API: reads (getDocument, calculateDocument,
// aggregateDocuments), collection management, transactions, and the writes from writes.ts.

import type { Doc, Store } from './store'
import type { TransactionManager } from './transactions'
import { CloudbaseError, ErrorCode, fromQueryEngine, invalidParam } from './errors'
import { parseEJSON, parseObjectField, stringifyEJSON, isPlainObject } from './ejson'
import { checkOperators, findDocs, runPipeline } from './mongo'
import { firstByIdOrder, matchingDocs } from './scan'
import {
  DEFAULT_AGGREGATE_LIMIT, Params, assertCollectionName, existingCollection, getLimit, optionalInt, requireDocId,
  sortOf,
} from './params'
import { insertDocument, modifyAndReturnDoc, modifyDocument, removeDocument } from './writes'

type Result = Record<string, unknown>
export type ActionHandler = (params: Params, now: number) => Promise<Result>

const AGGREGATE_STAGES = new Set([
  '$addFields', '$bucket', '$bucketAuto', '$count', '$group', '$limit', '$lookup', '$match', '$project',
  '$replaceRoot', '$sample', '$skip', '$sort', '$sortByCount', '$unwind',
])

function projectionOf(params: Params, now: number): Record<string, unknown> | undefined {
  const projection = parseObjectField(params.projection, 'projection', now)
  return Object.keys(projection).length ? projection : undefined
}

export function createDatabaseHandlers(store: Store, txm: TransactionManager): Record<string, ActionHandler> {
  const allDocs = (c: string): Doc[] => [...(store.docs(c)?.values() ?? [])]
  // get() and aggregate() report errors raised while testing documents as database errors, as they
  // did when mingo's find/aggregate did the testing.
  const testing = <T>(read: () => T): T => {
    try {
      return read()
    } catch (err) {
      throw fromQueryEngine(err)
    }
  }
  const matching = (c: string, filters: Record<string, unknown>[]): Doc[] => testing(() => matchingDocs(store, c, filters))
  const firstById = (c: string, query: Record<string, unknown>, direction: 1 | -1, max: number): Doc[] | undefined =>
    testing(() => firstByIdOrder(store, c, query, direction, max))

  async function getDocument(params: Params, now: number): Promise<Result> {
    const c = existingCollection(store, params)
    const query = parseObjectField(params.query, 'query', now)
    const projection = projectionOf(params, now)
    if (params.transactionId) {
      const id = requireDocId(query)
      txm.lock(params.transactionId, c, id)
      const doc = txm.read(params.transactionId, c, id)
      const list = doc ? findDocs([doc], { projection }) : []
      return { data: { list: list.map(stringifyEJSON) } }
    }
    const limit = getLimit(params)
    const offset = optionalInt(params, 'offset', 0)
    const sort = sortOf(parseObjectField(params.order, 'order', now))
    const byId = Object.keys(sort).length === 1 ? sort._id : undefined
    const ordered = byId === undefined ? undefined : firstById(c, query, byId, offset + limit)
    const list = ordered
      ? findDocs(ordered, { skip: offset, limit, projection })
      : findDocs(matching(c, [query]), { sort, skip: offset, limit, projection })
    return { data: { list: list.map(stringifyEJSON), limit, offset } }
  }

  async function calculateDocument(params: Params, now: number): Promise<Result> {
    const c = existingCollection(store, params)
    const query = parseObjectField(params.query, 'query', now)
    return { data: { total: matchingDocs(store, c, [query]).length } }
  }

  async function aggregateDocuments(params: Params, now: number): Promise<Result> {
    const c = existingCollection(store, params)
    if (!Array.isArray(params.stages)) throw invalidParam('stages must be an array')
    const pipeline = params.stages.map((stage: unknown) => {
      if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
        throw invalidParam('each stage needs stageKey and stageValue')
      }
      const key = stage.stageKey.startsWith('$') ? stage.stageKey : `$${stage.stageKey}`
      if (!AGGREGATE_STAGES.has(key)) {
        throw new CloudbaseError(ErrorCode.DATABASE_INVALID_OPERRATOR, `aggregate stage ${key} is not supported`)
      }
      let value: unknown
      try {
        value = parseEJSON(stage.stageValue, now)
      } catch {
        throw invalidParam(`stage ${key} has invalid EJSON`)
      }
      if (key === '$match' && isPlainObject(value)) checkOperators(value)
      return { [key]: value }
    })
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: DEFAULT_AGGREGATE_LIMIT })
    const resolve = (name: string): Doc[] => (store.hasCollection(name) ? allDocs(name) : [])
    // The leading run of $match stages filters the stored documents directly (as where().get() does),
    // so only the matching documents are copied into the pipeline, not the whole collection.
    const others = pipeline.findIndex((stage) => !isPlainObject(stage.$match))
    const cut = others === -1 ? pipeline.length : others
    const filters = pipeline.slice(0, cut).map((stage) => stage.$match as Record<string, unknown>)
    const list = runPipeline(matching(c, filters), pipeline.slice(cut), resolve)
    return { data: { list: list.map(stringifyEJSON) } }
  }

  async function addCollection(params: Params): Promise<Result> {
    const name = assertCollectionName(params.collectionName)
    if (!store.createCollection(name)) {
      throw new CloudbaseError(ErrorCode.DATABASE_REQUEST_FAILED, `[ResourceInUse] collection ${name} already exists`)
    }
    return {}
  }

  return answeredWhenDurable(store, {
    'database.getDocument': getDocument,
    'database.calculateDocument': calculateDocument,
    'database.aggregateDocuments': aggregateDocuments,
    'database.insertDocument': (p, now) => insertDocument(store, txm, p, now),
    'database.modifyDocument': (p, now) => modifyDocument(store, txm, p, now),
    'database.modifyAndReturnDoc': (p, now) => modifyAndReturnDoc(store, txm, p, now),
    'database.removeDocument': (p, now) => removeDocument(store, txm, p, now),
    'database.addCollection': addCollection,
    'database.startTransaction': async () => ({ transactionId: txm.start() }),
    'database.commitTransaction': async (p) => {
      txm.commit(p.transactionId)
      return {}
    },
    'database.abortTransaction': async (p) => {
      txm.abort(p.transactionId)
      return {}
    },
  })
}

/** A request that wrote is answered only once its log lines are on disk (Store.whenDurable: group commit). */
function answeredWhenDurable(store: Store, handlers: Record<string, ActionHandler>): Record<string, ActionHandler> {
  return Object.fromEntries(Object.entries(handlers).map(([action, handler]): [string, ActionHandler] => [action, async (params, now) => {
    const before = store.appendCount
    const result = await handler(params, now)
    if (store.appendCount !== before) await store.whenDurable()
    return result
  }]))
}
