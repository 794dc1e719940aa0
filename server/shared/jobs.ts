// Long work as resumable jobs (collection `jobs`): one document per job with its kind, owner, parameters,
// state (queued → running → done | failed), progress (done / total) and a cursor saying where the next
// chunk starts. Any call or timer run may advance a job: it first takes the job's lease with one
// conditional update (only when no other run holds an unexpired lease), then works chunks while its
// time budget lasts, saving the cursor after each chunk with an update that only succeeds while the
// lease is still its own, and finally gives the lease back. Two runs therefore never work the same
// chunk, and a run cut off by the platform's timeout (its lease expires after LEASE_MS, longer than any
// function's timeout) is continued by the next one from the last saved cursor: the chunk it was doing
// is redone from the same cursor, so a chunk's effect must be idempotent (e.g. a storage part under a
// name derived from the chunk's number). Transport-free: the callers decide who may see a job.
import { randomBytes } from 'node:crypto'
import type { DB } from 'wx-server-sdk'
import type { JobProgress, JobState } from '../../src/contract/jobs'
import { COLLECTIONS } from '../core/collections'
import { getFirst, updated } from '../core/db'

export type { JobProgress, JobState }

/** How long a run holds a job: longer than CloudBase's largest function timeout (60 s). */
export const LEASE_MS = 90_000
/** A chunk that throws this many times in a row fails its job (a lost connection is simply retried). */
export const MAX_FAILURES = 3

export interface JobDoc<P, C, R> {
  _id: string
  kind: string
  /** The openid that asked for the job ('' for a timer). */
  owner: string
  /** The venue the job's data belongs to, when it has one (who may see the job). */
  venueId?: string
  params: P
  state: JobState
  done: number
  total: number
  cursor: C
  /** The run holding the job and until when (ms since the epoch, by the handler's clock); 0 when free. */
  leaseBy: string
  leaseUntil: number
  /** Chunks completed (each a unit of idempotent work, e.g. one storage part). */
  chunks: number
  /** Chunks that threw in a row; the job fails at MAX_FAILURES. */
  failures: number
  result?: R
  /** The last chunk's error as thrown (for the logs, never shown). */
  error?: string
  /** Why the job stopped, in words for the person who asked (set by the job's owner module, e.g. a cleanup). */
  reason?: string
  createdAt: string
  updatedAt: string
}

export type NewJob<P, C> = Pick<JobDoc<P, C, never>, 'kind' | 'owner' | 'params' | 'total' | 'cursor'> & { _id?: string; venueId?: string }

export const newJobId = (kind: string) => `${kind}-${randomBytes(8).toString('hex')}`

const jobs = (db: DB.Database) => db.collection(COLLECTIONS.jobs)

/** Inserts a queued job and answers it. */
export async function createJob<P, C, R>(db: DB.Database, job: NewJob<P, C>, at: string): Promise<JobDoc<P, C, R>> {
  const doc: JobDoc<P, C, R> = {
    _id: job._id ?? newJobId(job.kind), kind: job.kind, owner: job.owner, params: job.params, state: 'queued', done: 0, total: job.total,
    cursor: job.cursor, leaseBy: '', leaseUntil: 0, chunks: 0, failures: 0, createdAt: at, updatedAt: at, ...(job.venueId ? { venueId: job.venueId } : {}),
  }
  await jobs(db).add({ data: doc as unknown as Record<string, unknown> })
  return doc
}

export async function readJob<P, C, R>(db: DB.Database, id: string): Promise<JobDoc<P, C, R> | null> {
  return getFirst<JobDoc<P, C, R>>(jobs(db).where({ _id: id }).limit(1))
}

/**
 * Takes the lease of an unfinished job nobody holds; the job as taken, or null when finished or held.
 * `created` is the job as this run just created it, which spares reading it back.
 */
export async function claimJob<P, C, R>(
  db: DB.Database, id: string, runId: string, nowMs: number, at: string, created?: JobDoc<P, C, R>,
): Promise<JobDoc<P, C, R> | null> {
  const _ = db.command
  const lease = { state: 'running' as const, leaseBy: runId, leaseUntil: nowMs + LEASE_MS, updatedAt: at }
  const taken = await updated(jobs(db).where({ _id: id, state: _.in(['queued', 'running']), leaseUntil: _.lt(nowMs) }).update({ data: lease }))
  if (taken !== 1) return null
  if (created) return { ...created, ...lease }
  const job = await readJob<P, C, R>(db, id)
  return job && job.leaseBy === runId ? job : null
}

export type JobPatch<C, R> = Partial<Pick<JobDoc<never, C, R>, 'done' | 'total' | 'cursor' | 'chunks' | 'failures' | 'result' | 'error' | 'state'>>

/** Saves a chunk's progress while the lease is still `runId`'s; false when another run took it over. */
export async function saveJob<C, R>(db: DB.Database, id: string, runId: string, patch: JobPatch<C, R>, at: string, release = false): Promise<boolean> {
  const data: Record<string, unknown> = { ...patch, updatedAt: at }
  if (release || patch.state === 'done' || patch.state === 'failed') Object.assign(data, { leaseBy: '', leaseUntil: 0 })
  return (await updated(jobs(db).where({ _id: id, leaseBy: runId }).update({ data }))) === 1
}

const FAILED = '处理中多次出错，任务已停止'
const RETRYING = '上一段处理出错，正在重试'

/** The part of a job a client may see: progress, and why it stopped or is retrying (never the thrown error itself). */
export function progressOf(job: Pick<JobDoc<unknown, unknown, unknown>, '_id' | 'kind' | 'state' | 'done' | 'total' | 'failures' | 'reason'>): JobProgress {
  const error = job.reason || (job.state === 'failed' ? FAILED : job.failures > 0 && job.state !== 'done' ? RETRYING : '')
  return { jobId: job._id, kind: job.kind, state: job.state, done: job.done, total: job.total, ...(error ? { error } : {}) }
}

/**
 * How long one call works a job: `fallback` ms, or the environment variable JOB_BUDGET_MS when it
 * holds a whole number from 0 (a single chunk per call) up to `fallback`.
 */
export function jobBudgetMs(fallback: number): number {
  const raw = process.env.JOB_BUDGET_MS
  const ms = raw === undefined || raw.trim() === '' ? fallback : Number(raw)
  return Number.isInteger(ms) && ms >= 0 && ms <= fallback ? ms : fallback
}

/** A run's time budget, measured on the real clock (the handler's clock may be fixed in tests). */
export function timeBudget(ms: number): { left(): number; over(): boolean } {
  const end = performance.now() + ms
  return { left: () => end - performance.now(), over: () => performance.now() >= end }
}

export interface ChunkOutcome<C, R> {
  /** Rows (or other units) this chunk completed. */
  done: number
  cursor: C
  /** Set on the last chunk: the job is done with this result. */
  result?: R
  /** A total learnt while working (e.g. the exact row count once every row was read). */
  total?: number
}

export interface RunOptions<P, C, R> {
  runId?: string
  /** The job as this run just created it (spares reading it back after the claim). */
  created?: JobDoc<P, C, R>
  nowMs: number
  at: string
  /** Wall time this run may spend starting chunks (at least one is worked); a chunk started before it ends may run past it. */
  budgetMs: number
  /** One chunk from `job.cursor`; must be idempotent (redone from the same cursor after a lost run). */
  chunk(job: JobDoc<P, C, R>, budget: { left(): number }): Promise<ChunkOutcome<C, R> | 'later'>
}

/**
 * Advances a job: claims it, works one chunk and more until it is done or the budget is spent, and releases it.
 * Answers the job as this run left it, or as it is when another run holds it or it is finished.
 * A chunk that throws releases the job with the error's message (the next run retries it); the
 * MAX_FAILURES-th throw in a row fails the job.
 */
export async function advanceJob<P, C, R>(db: DB.Database, id: string, options: RunOptions<P, C, R>): Promise<JobDoc<P, C, R> | null> {
  const runId = options.runId ?? randomBytes(8).toString('hex')
  const job = await claimJob<P, C, R>(db, id, runId, options.nowMs, options.at, options.created)
  if (!job) return readJob<P, C, R>(db, id)
  const budget = timeBudget(options.budgetMs)
  let current = job
  try {
    for (let first = true; first || !budget.over(); first = false) {
      const out = await options.chunk(current, budget)
      if (out === 'later') break
      const next: JobDoc<P, C, R> = {
        ...current, done: current.done + out.done, cursor: out.cursor, chunks: current.chunks + 1,
        total: out.total ?? current.total, ...(out.result !== undefined ? { result: out.result, state: 'done' as const } : {}),
      }
      const patch: JobPatch<C, R> = { done: next.done, cursor: next.cursor, chunks: next.chunks, total: next.total, failures: 0 }
      if (out.result !== undefined) Object.assign(patch, { result: out.result, state: 'done' })
      if (!(await saveJob(db, id, runId, patch, options.at))) return readJob<P, C, R>(db, id)
      current = next
      if (current.state === 'done') return current
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`job ${id}: chunk failed: ${message}`)
    const failures = current.failures + 1
    const state = failures >= MAX_FAILURES ? 'failed' : current.state
    await saveJob(db, id, runId, { state, error: message, failures }, options.at, true)
    return { ...current, state, error: message, failures, leaseBy: '', leaseUntil: 0 }
  }
  await saveJob(db, id, runId, {}, options.at, true)
  return { ...current, leaseBy: '', leaseUntil: 0 }
}
