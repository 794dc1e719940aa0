// database.insertDocument / modifyDocument / modifyAndReturnDoc / removeDocument. Every write
// computes and applies its changes synchronously (no await between read and write), so each request
// is atomic; when a target document is locked by a transaction the write waits and recomputes.
// A write whose resulting document is over 16 MB of BSON (MongoDB's limit, so CloudBase's) is refused
// before anything is written: a batch insert or a multi update then writes none of its documents.

import type { Doc, DocId, Store, WriteOp } from './store'
import type { TransactionManager } from './transactions'
import { calculateObjectSize } from 'bson'
import { MAX_DOCUMENT_BYTES, documentTooLarge, duplicateWrite, invalidParam } from './errors'
import { parseObjectField, stringifyEJSON } from './ejson'
import { applyUpdate, assertStorable, isSameDoc } from './mongo'
import { matchingDocs } from './scan'
import {
  Params, docIdOf, equalityFields, existingCollection, isDocId, newDocId, requireDocId,
} from './params'

type Result = Record<string, unknown>

/** Refuses a document whose BSON size is over MongoDB's 16 MB (the size the SDK's EJSON values take as BSON). */
function assertDocumentSize(c: string, doc: Doc, insert: boolean): void {
  const bytes = calculateObjectSize(doc)
  if (bytes > MAX_DOCUMENT_BYTES) throw documentTooLarge(c, doc._id, bytes, insert)
}

function parseInsertData(params: Params, now: number): Doc[] {
  const raw = params.data
  if (!Array.isArray(raw) || raw.length === 0) throw invalidParam('data must be a non-empty array')
  return raw.map((item, i) => {
    const { _id: given, ...rest } = parseObjectField(item, `data[${i}]`, now)
    assertStorable(rest)
    if (given !== undefined && !isDocId(given)) throw invalidParam('_id must be a non-empty string or a number')
    return { _id: given === undefined ? newDocId() : given, ...rest }
  })
}

export async function insertDocument(store: Store, txm: TransactionManager, params: Params, now: number): Promise<Result> {
  const c = existingCollection(store, params)
  const docs = parseInsertData(params, now)
  const ids = docs.map((d) => d._id)
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i)
  if (repeated !== undefined) throw duplicateWrite(c, repeated)
  for (const doc of docs) assertDocumentSize(c, doc, true)
  if (params.transactionId) {
    for (const doc of docs) {
      txm.lock(params.transactionId, c, doc._id)
      if (txm.read(params.transactionId, c, doc._id)) throw duplicateWrite(c, doc._id)
    }
    for (const doc of docs) txm.write(params.transactionId, c, doc._id, doc)
    return { data: { insertedIds: ids } }
  }
  while (txm.anyLocked(c, ids)) await txm.waitUnlocked(c, ids)
  const existing = ids.find((id) => store.get(c, id) !== undefined)
  if (existing !== undefined) throw duplicateWrite(c, existing)
  store.apply(docs.map((doc) => ({ c, put: doc })))
  return { data: { insertedIds: ids } }
}

interface ModifySpec {
  merge: boolean
  upsert: boolean
  data: Record<string, unknown>
}

function modifySpec(params: Params, now: number): ModifySpec {
  const merge = params.merge !== false
  const data = parseObjectField(params.data, 'data', now)
  if (!merge) assertStorable(data)
  if (Object.keys(data).length === 0) throw invalidParam('data must be a non-empty object')
  if ('_id' in data) throw invalidParam('不能更新_id的值')
  return { merge, upsert: params.upsert === true, data }
}

/** The new version of a document (or of an upserted one when `current` is undefined). */
function modified(spec: ModifySpec, id: DocId, current: Doc | undefined, seed: Record<string, unknown>): { doc: Doc; changed: boolean } {
  if (!spec.merge) {
    const doc: Doc = { _id: id, ...spec.data }
    return { doc, changed: current === undefined || !isSameDoc(current, doc) }
  }
  const base: Doc = current ?? { _id: id, ...seed }
  const next = applyUpdate(base, spec.data)
  return { doc: next.doc, changed: next.changed || current === undefined }
}

async function modifyInTransaction(txm: TransactionManager, c: string, params: Params, spec: ModifySpec, query: Record<string, unknown>, returnDoc: boolean): Promise<Result> {
  const id = requireDocId(query)
  txm.lock(params.transactionId, c, id)
  const current = txm.read(params.transactionId, c, id)
  if (!current && !spec.upsert) return { data: { updated: 0, matched: 0, ...(returnDoc ? { doc: null } : {}) } }
  const next = modified(spec, id, current, {})
  assertDocumentSize(c, next.doc, current === undefined)
  txm.write(params.transactionId, c, id, next.doc)
  const upsert = current ? {} : { upsert_id: id }
  return { data: { updated: current && next.changed ? 1 : 0, matched: current ? 1 : 0, ...upsert, ...(returnDoc ? { doc: stringifyEJSON(next.doc) } : {}) } }
}

async function modify(store: Store, txm: TransactionManager, params: Params, now: number, returnDoc: boolean): Promise<Result> {
  const c = existingCollection(store, params)
  const spec = modifySpec(params, now)
  const query = parseObjectField(params.query, 'query', now)
  if (params.transactionId) return modifyInTransaction(txm, c, params, spec, query, returnDoc)
  const multi = params.multi === true && !returnDoc
  const queryId = docIdOf(query)
  const upsertId = spec.upsert ? (queryId ?? newDocId()) : undefined
  for (;;) {
    const targets = findTargets(store, c, query, multi)
    const ids = targets.map((d) => d._id)
    if (upsertId !== undefined && targets.length === 0) ids.push(upsertId)
    if (txm.anyLocked(c, ids)) {
      await txm.waitUnlocked(c, ids)
      continue
    }
    const ops: WriteOp[] = []
    let updated = 0
    let last: Doc | undefined
    for (const current of targets) {
      const next = modified(spec, current._id, current, {})
      last = next.doc
      if (next.changed) {
        assertDocumentSize(c, next.doc, false)
        updated += 1
        ops.push({ c, put: next.doc })
      }
    }
    let upserted: DocId | undefined
    if (upsertId !== undefined && targets.length === 0) {
      const next = modified(spec, upsertId, undefined, equalityFields(query))
      assertDocumentSize(c, next.doc, true)
      last = next.doc
      upserted = upsertId
      ops.push({ c, put: next.doc })
    }
    store.apply(ops)
    const data: Result = { updated, matched: targets.length }
    if (upserted !== undefined) data.upsert_id = upserted
    if (returnDoc) data.doc = last ? stringifyEJSON(last) : null
    return { data }
  }
}

function findTargets(store: Store, c: string, query: Record<string, unknown>, multi: boolean): Doc[] {
  return matchingDocs(store, c, [query], multi ? Infinity : 1)
}

export function modifyDocument(store: Store, txm: TransactionManager, params: Params, now: number): Promise<Result> {
  return modify(store, txm, params, now, false)
}

export function modifyAndReturnDoc(store: Store, txm: TransactionManager, params: Params, now: number): Promise<Result> {
  return modify(store, txm, params, now, true)
}

export async function removeDocument(store: Store, txm: TransactionManager, params: Params, now: number): Promise<Result> {
  const c = existingCollection(store, params)
  const query = parseObjectField(params.query, 'query', now)
  if (params.transactionId) {
    const id = requireDocId(query)
    txm.lock(params.transactionId, c, id)
    const existed = txm.read(params.transactionId, c, id) !== undefined
    if (existed) txm.write(params.transactionId, c, id, null)
    return { data: { deleted: existed ? 1 : 0 } }
  }
  const multi = params.multi !== false
  for (;;) {
    const ids = findTargets(store, c, query, multi).map((d) => d._id)
    if (txm.anyLocked(c, ids)) {
      await txm.waitUnlocked(c, ids)
      continue
    }
    store.apply(ids.map((id) => ({ c, del: id })))
    return { data: { deleted: ids.length } }
  }
}
