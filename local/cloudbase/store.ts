// The embedded persistent store: every collection lives in memory (a Map per collection, insertion
// order = natural order) and every change is appended, synchronously and before the request is
// answered, as one EJSON line to `<dataDir>/db.jsonl`. One line per request makes a multi-document
// transaction commit atomic on disk. The log is compacted (tmp file + fsync + rename) when it grows.

import fs from 'fs'
import path from 'path'
import { parseEJSON, stringifyEJSON, isPlainObject } from './ejson'

export type DocId = string | number
export interface Doc { _id: DocId; [field: string]: unknown }
export type WriteOp = { c: string; put: Doc } | { c: string; del: DocId }

const LOG_FILE = 'db.jsonl'
const LOCK_FILE = '.lock'
const openDirs = new Set<string>()

function isDoc(value: unknown): value is Doc {
  return isPlainObject(value) && (typeof value._id === 'string' || typeof value._id === 'number')
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function acquireLock(dir: string): void {
  if (openDirs.has(dir)) throw new Error(`data dir ${dir} is already open in this process`)
  const lockPath = path.join(dir, LOCK_FILE)
  try {
    const previous = Number(fs.readFileSync(lockPath, 'utf8'))
    if (previous && previous !== process.pid && pidAlive(previous)) {
      throw new Error(`data dir ${dir} is in use by process ${previous}`)
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  fs.writeFileSync(lockPath, String(process.pid))
  openDirs.add(dir)
}

export class Store {
  readonly dir: string
  private readonly collections = new Map<string, Map<DocId, Doc>>()
  private readonly logPath: string
  private fd: number | null = null
  private logLines = 0
  private appendsSinceCheck = 0

  private constructor(dir: string) {
    this.dir = dir
    this.logPath = path.join(dir, LOG_FILE)
  }

  static open(dataDir: string): Store {
    fs.mkdirSync(dataDir, { recursive: true })
    const dir = fs.realpathSync(dataDir)
    acquireLock(dir)
    const store = new Store(dir)
    try {
      const needsCompaction = store.load()
      if (needsCompaction) store.compact()
      store.fd = fs.openSync(store.logPath, 'a')
    } catch (err) {
      openDirs.delete(dir)
      throw err
    }
    return store
  }

  /** Replays the log. Returns true when it should be rewritten (torn tail, corrupt lines, garbage). */
  private load(): boolean {
    if (!fs.existsSync(this.logPath)) return false
    const text = fs.readFileSync(this.logPath, 'utf8')
    const lines = text.split('\n')
    let corrupt = 0
    for (const line of lines) {
      if (!line) continue
      this.logLines += 1
      try {
        this.replay(parseEJSON(line))
      } catch {
        corrupt += 1
      }
    }
    if (corrupt > 1 && corrupt > this.logLines / 10) {
      throw new Error(`${this.logPath}: ${corrupt} of ${this.logLines} lines are corrupt; refusing to open`)
    }
    return corrupt > 0 || (text.length > 0 && !text.endsWith('\n')) || this.shouldCompact()
  }

  private replay(record: unknown): void {
    if (!isPlainObject(record)) throw new Error('bad record')
    if (typeof record.create === 'string') {
      this.ensureMap(record.create)
      return
    }
    if (!Array.isArray(record.ops)) throw new Error('bad record')
    for (const op of record.ops as unknown[]) {
      if (!isPlainObject(op) || typeof op.c !== 'string') throw new Error('bad op')
      if (isDoc(op.put)) this.ensureMap(op.c).set(op.put._id, op.put)
      else if (typeof op.del === 'string' || typeof op.del === 'number') this.ensureMap(op.c).delete(op.del)
      else throw new Error('bad op')
    }
  }

  private ensureMap(name: string): Map<DocId, Doc> {
    let docs = this.collections.get(name)
    if (!docs) {
      docs = new Map()
      this.collections.set(name, docs)
    }
    return docs
  }

  /** Compact when the log holds over twice as many lines as live records (and over 1000 lines). */
  private shouldCompact(): boolean {
    let live = this.collections.size
    for (const docs of this.collections.values()) live += docs.size
    return this.logLines > 1000 && this.logLines > 2 * live
  }

  private compact(): void {
    const tmp = `${this.logPath}.tmp`
    const fd = fs.openSync(tmp, 'w')
    try {
      let lines = 0
      for (const [name, docs] of this.collections) {
        fs.writeSync(fd, `${stringifyEJSON({ create: name })}\n`)
        lines += 1
        for (const doc of docs.values()) {
          fs.writeSync(fd, `${stringifyEJSON({ ops: [{ c: name, put: doc }] })}\n`)
          lines += 1
        }
      }
      fs.fsyncSync(fd)
      this.logLines = lines
    } finally {
      fs.closeSync(fd)
    }
    if (this.fd !== null) fs.closeSync(this.fd)
    fs.renameSync(tmp, this.logPath)
    this.fd = this.fd === null ? null : fs.openSync(this.logPath, 'a')
  }

  private append(record: unknown): void {
    if (this.fd === null) throw new Error('store is closed')
    fs.writeSync(this.fd, `${stringifyEJSON(record)}\n`)
    this.logLines += 1
    this.appendsSinceCheck += 1
    if (this.appendsSinceCheck >= 1000) {
      this.appendsSinceCheck = 0
      if (this.shouldCompact()) this.compact()
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

  get(name: string, id: DocId): Doc | undefined {
    return this.collections.get(name)?.get(id)
  }

  /** Applies writes to memory and appends them to the log as one line (atomic on disk). */
  apply(ops: WriteOp[]): void {
    if (ops.length === 0) return
    this.append({ ops })
    for (const op of ops) {
      const docs = this.ensureMap(op.c)
      if ('put' in op) docs.set(op.put._id, op.put)
      else docs.delete(op.del)
    }
  }

  close(): void {
    if (this.fd === null) return
    fs.closeSync(this.fd)
    this.fd = null
    openDirs.delete(this.dir)
    fs.rmSync(path.join(this.dir, LOCK_FILE), { force: true })
  }
}
