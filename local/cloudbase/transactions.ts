// Transactions with per-document exclusive locks, failing fast as CloudBase does. A transaction locks
// every document it reads or writes (also ids that do not exist yet), buffers its writes and applies
// them in one store line on commit. A transaction that touches a document another transaction holds
// fails at once with DATABASE_TRANSACTION_CONFLICT and is rolled back (CloudBase's error for
// concurrent transactions on the same data, docs.cloudbase.net/error-code/DATABASE_TRANSACTION_CONFLICT);
// raised by an operation inside runTransaction's callback, wx-server-sdk does not retry it, so code
// that keeps a transaction must retry itself. Nothing waits between transactions, so no deadlock.
// Non-transactional writes wait for the transaction holding their document, as MongoDB's do.
// Like CloudBase, a transaction must finish within 30 s or it is rolled back and forgotten.

import crypto from 'crypto'
import type { Doc, DocId, Store, WriteOp } from './store'
import { CloudbaseError, ErrorCode } from './errors'

interface PendingWrite { c: string; id: DocId; doc: Doc | null }

interface Txn {
  id: string
  writes: Map<string, PendingWrite>
  locks: Set<string>
  timer: NodeJS.Timeout
}

function lockKey(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id}\u0000${String(id)}`
}

export class TransactionManager {
  private readonly txns = new Map<string, Txn>()
  private readonly locks = new Map<string, string>()
  private readonly waiters = new Map<string, (() => void)[]>()

  constructor(private readonly store: Store, private readonly timeoutMs = 30_000) {}

  start(): string {
    const id = crypto.randomBytes(16).toString('hex')
    const timer = setTimeout(() => this.abort(id), this.timeoutMs)
    timer.unref()
    this.txns.set(id, { id, writes: new Map(), locks: new Set(), timer })
    return id
  }

  private txn(id: unknown): Txn {
    const txn = typeof id === 'string' ? this.txns.get(id) : undefined
    if (!txn) {
      throw new CloudbaseError(
        ErrorCode.DATABASE_TRANSACTION_FAIL,
        `transaction ${String(id)} does not exist (finished, rolled back, or older than ${this.timeoutMs / 1000}s)`,
      )
    }
    return txn
  }

  private waitFor(key: string): Promise<void> {
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? []
      list.push(resolve)
      this.waiters.set(key, list)
    })
  }

  private wake(key: string): void {
    const list = this.waiters.get(key)
    if (!list) return
    this.waiters.delete(key)
    for (const resolve of list) resolve()
  }

  /** Locks a document for a transaction; another transaction's lock fails this one at once (rolled back). */
  lock(txnId: unknown, collection: string, id: DocId): void {
    const key = lockKey(collection, id)
    const txn = this.txn(txnId)
    const owner = this.locks.get(key)
    if (owner !== undefined && owner !== txn.id) {
      this.finish(txn)
      throw new CloudbaseError(
        ErrorCode.DATABASE_TRANSACTION_CONFLICT,
        `transaction conflict: ${collection}/${String(id)} is held by another transaction; retry the transaction`,
      )
    }
    this.locks.set(key, txn.id)
    txn.locks.add(key)
  }

  /** For non-transactional writes: resolves once none of the documents is locked by a transaction. */
  async waitUnlocked(collection: string, ids: Iterable<DocId>): Promise<boolean> {
    let waited = false
    for (const id of ids) {
      const key = lockKey(collection, id)
      while (this.locks.has(key)) {
        waited = true
        await this.waitFor(key)
      }
    }
    return waited
  }

  /** True when any of the documents is locked (callers then `waitUnlocked` and recompute). */
  anyLocked(collection: string, ids: Iterable<DocId>): boolean {
    for (const id of ids) if (this.locks.has(lockKey(collection, id))) return true
    return false
  }

  /** The transaction's view of a document: its own pending write, else the committed one. */
  read(txnId: unknown, collection: string, id: DocId): Doc | undefined {
    const pending = this.txn(txnId).writes.get(lockKey(collection, id))
    if (pending) return pending.doc ?? undefined
    return this.store.get(collection, id)
  }

  write(txnId: unknown, collection: string, id: DocId, doc: Doc | null): void {
    this.txn(txnId).writes.set(lockKey(collection, id), { c: collection, id, doc })
  }

  commit(txnId: unknown): void {
    const txn = this.txn(txnId)
    const ops: WriteOp[] = []
    for (const w of txn.writes.values()) {
      if (w.doc) ops.push({ c: w.c, put: w.doc })
      else if (this.store.get(w.c, w.id)) ops.push({ c: w.c, del: w.id })
    }
    this.store.apply(ops)
    this.finish(txn)
  }

  abort(txnId: unknown): void {
    const txn = typeof txnId === 'string' ? this.txns.get(txnId) : undefined
    if (txn) this.finish(txn)
  }

  private releaseLocks(txn: Txn): void {
    for (const key of txn.locks) {
      this.locks.delete(key)
      this.wake(key)
    }
    txn.locks.clear()
  }

  private finish(txn: Txn): void {
    clearTimeout(txn.timer)
    this.txns.delete(txn.id)
    this.releaseLocks(txn)
  }

  get activeCount(): number {
    return this.txns.size
  }

  closeAll(): void {
    for (const txn of [...this.txns.values()]) this.finish(txn)
  }
}
