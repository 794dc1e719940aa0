// The embedded persistent store: every collection lives in memory (a Map per collection, insertion
// order = natural order) and every change is appended, synchronously and before the request is
// answered, as one line to `<dataDir>/db.jsonl`. One line per request makes a multi-document
// transaction commit atomic on disk. Each line is `<crc32> <line number> <EJSON record>`, the checksum
// covering the number and the record, so a changed byte, a lost, repeated or moved line is caught on
// open. Damage stops the service with the line and the way out (see log-file.ts); only a torn last
// line — a write cut off by a crash, never acknowledged — is dropped, with a notice. Writers can wait
// for their lines to be on disk (`whenDurable`, one fdatasync shared by every write made meanwhile).
// The log is compacted (tmp file + fsync + rename + fsync of the dir) when it grows.

import fs from 'fs'
import path from 'path'
import { stringifyEJSON, isPlainObject } from './ejson'
import { IdOrder } from './id-order'
import { acquireDirLock, DirLock, LockKind } from './dir-lock'
import { encodeLine, fsyncDir, readLog, stamp, StoreDamagedError, LOG_FILE } from './log-file'

export { StoreDamagedError }

export type DocId = string | number
export interface Doc { _id: DocId; [field: string]: unknown }
export type WriteOp = { c: string; put: Doc } | { c: string; del: DocId }

export interface StoreOptions {
  /** fdatasync the log before writers are answered (default true; CLOUDBASE_FSYNC=0 turns it off). */
  fsync?: boolean
  /** Which OS lock guards the dir (tests pick the socket-file fallback). */
  lockKind?: LockKind
  /** Where notices go (torn last line dropped, old log converted). */
  warn?: (message: string) => void
}

const LEGACY_LOCK_FILE = '.lock'
const openDirs = new Set<string>()

function isDoc(value: unknown): value is Doc {
  return isPlainObject(value) && (typeof value._id === 'string' || typeof value._id === 'number')
}

interface SyncWaiter {
  upTo: number
  resolve: () => void
  reject: (err: unknown) => void
}

export class Store {
  readonly dir: string
  readonly fsyncWrites: boolean
  private readonly collections = new Map<string, Map<DocId, Doc>>()
  private readonly orders = new Map<string, IdOrder>()
  private readonly logPath: string
  private fd: number | null = null
  private lock: DirLock | null = null
  private logLines = 0
  private appendsSinceCheck = 0
  /** Records appended since open, and how many of them are known to be on disk. */
  private appended = 0
  private durableUpTo = 0
  private syncing = false
  private waiters: SyncWaiter[] = []

  private constructor(dir: string, fsyncWrites: boolean) {
    this.dir = dir
    this.fsyncWrites = fsyncWrites
    this.logPath = path.join(dir, LOG_FILE)
  }

  static async open(dataDir: string, options: StoreOptions = {}): Promise<Store> {
    fs.mkdirSync(dataDir, { recursive: true })
    const dir = fs.realpathSync(dataDir)
    if (openDirs.has(dir)) throw new Error(`data dir ${dir} is already open in this process`)
    openDirs.add(dir)
    const store = new Store(dir, options.fsync ?? process.env.CLOUDBASE_FSYNC !== '0')
    try {
      store.lock = await acquireDirLock(dir, options.lockKind)
      fs.rmSync(path.join(dir, LEGACY_LOCK_FILE), { force: true })
      store.load(options.warn ?? ((message) => console.warn(message)))
      store.fd = fs.openSync(store.logPath, 'a')
    } catch (err) {
      store.lock?.release()
      openDirs.delete(dir)
      throw err
    }
    return store
  }

  /** Replays the log; drops a torn last line, converts an old log without checksums, compacts when due. */
  private load(warn: (message: string) => void): void {
    fs.rmSync(`${this.logPath}.tmp`, { force: true })
    const log = readLog(this.logPath)
    if (!log) return
    for (const [index, record] of log.records.entries()) {
      try {
        this.replay(record)
      } catch (err) {
        throw new StoreDamagedError(this.logPath, index + 1, log.records.length, {
          zh: `：记录内容不合法（${(err as Error).message}）`, en: `not a valid record (${(err as Error).message})`,
        })
      }
    }
    this.logLines = log.records.length
    if (log.tornBytes > 0) {
      warn(
        `[local-cloudbase] ${this.logPath}: 最后一行不完整（${log.tornBytes} 字节，进程在写入时中断，该写入从未被确认），已丢弃。` +
        ` The torn last line (${log.tornBytes} bytes, a write cut off by a crash and never acknowledged) was dropped.`,
      )
      fs.truncateSync(this.logPath, log.cleanBytes)
    }
    if (log.legacy) {
      const kept = `${this.logPath}.legacy-${stamp()}`
      fs.copyFileSync(this.logPath, kept)
      this.compact()
      warn(
        `[local-cloudbase] ${this.logPath}: 旧格式（无校验和）的数据文件已改写为带校验和的格式，原文件保留为 ${kept}（确认无误后可删除）。` +
        ` Converted an old log without checksums; the original is kept as ${kept}.`,
      )
    } else if (this.shouldCompact()) {
      this.compact()
    }
  }

  private replay(record: unknown): void {
    if (!isPlainObject(record)) throw new Error('not an object')
    if (typeof record.create === 'string') {
      this.ensureMap(record.create)
      return
    }
    if (!Array.isArray(record.ops)) throw new Error('no ops')
    for (const op of record.ops as unknown[]) {
      if (!isPlainObject(op) || typeof op.c !== 'string') throw new Error('bad op')
      if (isDoc(op.put)) this.put(op.c, op.put)
      else if (typeof op.del === 'string' || typeof op.del === 'number') this.remove(op.c, op.del)
      else throw new Error('bad op')
    }
  }

  private ensureMap(name: string): Map<DocId, Doc> {
    let docs = this.collections.get(name)
    if (!docs) {
      docs = new Map()
      this.collections.set(name, docs)
      this.orders.set(name, new IdOrder())
    }
    return docs
  }

  private put(name: string, doc: Doc): void {
    const docs = this.ensureMap(name)
    const had = docs.has(doc._id)
    docs.set(doc._id, doc)
    this.orders.get(name)?.put(doc, had)
  }

  private remove(name: string, id: DocId): void {
    const docs = this.ensureMap(name)
    if (docs.delete(id)) this.orders.get(name)?.delete(id)
  }

  /** Compact when the log holds over twice as many lines as live records (and over 1000 lines). */
  private shouldCompact(): boolean {
    let live = this.collections.size
    for (const docs of this.collections.values()) live += docs.size
    return this.logLines > 1000 && this.logLines > 2 * live
  }

  /**
   * Rewrites the log as one line per collection and document. Crash-safe: the new log is written to a
   * tmp file and fsynced, renamed over the old one, and the dir is fsynced so the rename itself is on
   * disk; a crash at any point leaves either the old log or the new one, both whole.
   */
  private compact(): void {
    const tmp = `${this.logPath}.tmp`
    const fd = fs.openSync(tmp, 'w')
    let lines = 0
    try {
      const chunk: string[] = []
      const flush = () => {
        if (chunk.length) fs.writeSync(fd, chunk.join(''))
        chunk.length = 0
      }
      for (const [name, docs] of this.collections) {
        chunk.push(encodeLine((lines += 1), stringifyEJSON({ create: name })))
        for (const doc of docs.values()) {
          chunk.push(encodeLine((lines += 1), stringifyEJSON({ ops: [{ c: name, put: doc }] })))
          if (chunk.length >= 1000) flush()
        }
      }
      flush()
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    const reopen = this.fd !== null
    if (this.fd !== null) fs.closeSync(this.fd)
    this.fd = null
    fs.renameSync(tmp, this.logPath)
    fsyncDir(this.dir)
    this.logLines = lines
    this.durableUpTo = this.appended
    if (reopen) this.fd = fs.openSync(this.logPath, 'a')
    this.settleWaiters(null)
  }

  private append(record: unknown): void {
    if (this.fd === null) throw new Error('store is closed')
    fs.writeSync(this.fd, encodeLine(this.logLines + 1, stringifyEJSON(record)))
    this.logLines += 1
    this.appended += 1
    this.appendsSinceCheck += 1
    if (this.appendsSinceCheck >= 1000) {
      this.appendsSinceCheck = 0
      if (this.shouldCompact()) this.compact()
    }
  }

  /** How many records were appended since open (compare before/after a request to see if it wrote). */
  get appendCount(): number {
    return this.appended
  }

  /**
   * Resolves once every record appended so far is on disk (fdatasync). Writes made while a sync runs
   * wait for the next one, so concurrent writers share syncs (group commit). Immediate without fsync.
   */
  whenDurable(): Promise<void> {
    const upTo = this.appended
    if (!this.fsyncWrites || this.durableUpTo >= upTo) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo, resolve, reject })
      this.startSync()
    })
  }

  private startSync(): void {
    if (this.syncing || this.fd === null || this.waiters.length === 0) return
    this.syncing = true
    const upTo = this.appended
    fs.fdatasync(this.fd, (err) => {
      this.syncing = false
      if (!err) this.durableUpTo = Math.max(this.durableUpTo, upTo)
      this.settleWaiters(err && this.durableUpTo < upTo ? err : null, upTo)
      this.startSync()
    })
  }

  private settleWaiters(err: unknown, failedUpTo = 0): void {
    const waiting = this.waiters
    this.waiters = []
    for (const waiter of waiting) {
      if (waiter.upTo <= this.durableUpTo) waiter.resolve()
      else if (err && waiter.upTo <= failedUpTo) waiter.reject(err)
      else this.waiters.push(waiter)
    }
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  /** Creates a collection; false when it already existed. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false
    this.append({ create: name })
    this.ensureMap(name)
    return true
  }

  /** The live documents of a collection (never mutate them; writes go through `apply`). */
  docs(name: string): Map<DocId, Doc> | undefined {
    return this.collections.get(name)
  }

  /** The collection's `_id` index, when every `_id` in it is a string (see id-order.ts). */
  idOrder(name: string): IdOrder | undefined {
    const order = this.orders.get(name)
    return order?.usable ? order : undefined
  }

  get(name: string, id: DocId): Doc | undefined {
    return this.collections.get(name)?.get(id)
  }

  /** Applies writes to memory and appends them to the log as one line (atomic on disk). */
  apply(ops: WriteOp[]): void {
    if (ops.length === 0) return
    this.append({ ops })
    for (const op of ops) {
      if ('put' in op) this.put(op.c, op.put)
      else this.remove(op.c, op.del)
    }
  }

  close(): void {
    if (this.fd === null) return
    fs.fdatasyncSync(this.fd)
    this.durableUpTo = this.appended
    fs.closeSync(this.fd)
    this.fd = null
    this.settleWaiters(null)
    this.lock?.release()
    this.lock = null
    openDirs.delete(this.dir)
  }
}
