// Runs the built cloud functions (cloudfunctions/<fn>/index.js, the very files WeChat DevTools uploads)
// as CloudBase does: each function in its own instance — a worker thread (./instance-worker.cjs) that
// requires the bundle on its first call (a cold start) and keeps it warm for the next ones, several
// calls at a time — held to CloudBase's per-call limits (declared timeout, request and answer sizes:
// ../platform-limits). A call past its timeout ends its instance (worker.terminate(), so writes the
// handler would make after the deadline never happen, as on CloudBase); calls running in the same
// instance end with it, and the next call starts a fresh instance, with module state lost. Each
// instance's JS heap (young + old generation) is capped at the function's declared memorySize; an
// instance that runs out ends (FUNCTIONS_MEMORY_LIMIT_EXCEEDED for its calls) and is replaced the same
// way. Memory outside the V8 heap (Buffers, the thread's native memory) is not counted. The gateway
// calls `invoke(event, identity)`, timer triggers `main(event)`, message pushes `push(event)`.
// wx-server-sdk must already be pointed at the local service (env vars) before the first call: each
// instance gets the environment as it is when the instance starts.
// `isolation: 'in-process'` requires the bundles in this process instead (nothing can be stopped there):
// only for measurements that profile a single thread.
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Identity } from '../../server/core/context'
import {
  PlatformLimitError, declaredMemory, declaredTimeout, memoryExceeded, withPlatformLimits, type Stoppable, type StoppableCall,
} from '../platform-limits'

export interface LoadedFunction {
  invoke(event: unknown, identity: Identity): Promise<unknown>
}

export type Entry = 'invoke' | 'main' | 'push'

export interface FunctionRuntime {
  isolation: 'worker' | 'in-process'
  /** Each function's gateway adapter, within CloudBase's limits. */
  functions: Map<string, LoadedFunction>
  /** Calls a function's `main` (a timer trigger) or `push` (a message push) within its limits. */
  call(fn: string, entry: 'main' | 'push', event: unknown): Promise<unknown>
  /** Instances started so far per function (cold starts). */
  coldStarts(fn: string): number
  /** The largest JS heap (MB, V8 total_heap_size after a call) any instance of the function has held, 0 before its first call. */
  peakHeapMb(fn: string): number
  /** Starts an instance of every function now and settles once all are up (a bundle that fails to load rejects). */
  warm(): Promise<void>
  /** Ends every instance. */
  close(): Promise<void>
}

export interface LoadOptions {
  isolation?: 'worker' | 'in-process'
}

/**
 * A require rooted at the functions folder, with earlier copies of the bundles and of wx-server-sdk
 * dropped from Node's cache, so each local runtime's SDK reads the service address it was just given.
 */
export function freshRequire(functionsDir: string): NodeRequire {
  const load = createRequire(join(functionsDir, 'index.js'))
  for (const key of Object.keys(load.cache)) {
    if (key.startsWith(functionsDir) || /[\\/]node_modules[\\/](wx-server-sdk|@cloudbase)[\\/]/.test(key)) delete load.cache[key]
  }
  return load
}

const WORKER = join(__dirname, 'instance-worker.cjs')

interface WorkerError {
  name: string
  message: string
  stack?: string
}

type Reply = { type: 'ready' } | { type: 'failed'; error: WorkerError } | { id: number; ok: true; result: unknown; heap: number } | { id: number; ok: false; error: WorkerError; heap: number }

/**
 * The worker's V8 limits for a function's memorySize: young and old generation together never exceed
 * it (CloudBase counts the whole instance, so the heap alone must not be allowed more). The young
 * generation gets an eighth, 16 MB at most (V8's own default for small heaps is of that order).
 */
export function heapLimits(memoryMb: number): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number } {
  const young = Math.min(16, Math.floor(memoryMb / 8))
  return { maxYoungGenerationSizeMb: young, maxOldGenerationSizeMb: memoryMb - young }
}

function rebuilt(error: WorkerError): Error {
  const out = new Error(error.message)
  out.name = error.name
  if (error.stack) out.stack = error.stack
  return out
}

/** One running instance of a function: a worker thread and the calls it is running. */
class Instance {
  readonly ready: Promise<void>
  ended = false
  private readonly worker: Worker
  private readonly calls = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>()
  private nextId = 1
  private endReason: PlatformLimitError | null = null
  private readonly exited: Promise<void>

  constructor(readonly fn: string, entry: string, memoryMb: number, onEnd: (instance: Instance) => void, onHeap: (bytes: number) => void) {
    this.worker = new Worker(WORKER, {
      workerData: { entry }, env: { ...process.env }, execArgv: [], stdout: false, stderr: false, resourceLimits: heapLimits(memoryMb),
    })
    this.worker.unref()
    let markReady: () => void = () => undefined
    let failReady: (error: unknown) => void = () => undefined
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve
      failReady = reject
    })
    this.ready.catch(() => undefined)
    this.worker.on('message', (reply: Reply) => {
      if ('type' in reply) {
        if (reply.type === 'ready') return markReady()
        const failed = new PlatformLimitError(-504002, `functions execute fail: ${fn} could not start: ${reply.error.message}`, 502)
        failReady(failed)
        return void this.stop(failed)
      }
      const call = this.calls.get(reply.id)
      if (!call) return
      this.calls.delete(reply.id)
      onHeap(reply.heap)
      if (reply.ok) call.resolve(reply.result)
      else call.reject(rebuilt(reply.error))
    })
    this.worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') this.endReason ??= memoryExceeded(fn, memoryMb)
      this.endReason ??= new PlatformLimitError(-504002, `functions execute fail: the instance of ${fn} crashed: ${error.message}`, 502)
    })
    this.exited = new Promise<void>((resolve) => {
      this.worker.once('exit', () => {
        this.ended = true
        const reason = this.endReason ?? new PlatformLimitError(-504002, `functions execute fail: the instance of ${fn} ended`, 502)
        failReady(reason)
        for (const call of this.calls.values()) call.reject(reason)
        this.calls.clear()
        onEnd(this)
        resolve()
      })
    })
  }

  begin(entry: Entry, event: unknown, identity: Identity | undefined): StoppableCall {
    const id = this.nextId++
    const result = new Promise<unknown>((resolve, reject) => {
      if (this.ended) return reject(this.endReason ?? new PlatformLimitError(-504002, `functions execute fail: the instance of ${this.fn} ended`, 502))
      this.calls.set(id, { resolve, reject })
      this.worker.ref()
      this.worker.postMessage({ id, entry, event, identity })
    }).finally(() => {
      if (this.calls.size === 0 && !this.ended) this.worker.unref()
    })
    return { result, stop: () => this.stop(new PlatformLimitError(-504002, `functions execute fail: the instance of ${this.fn} was stopped when another call on it timed out`, 502)) }
  }

  /** Ends the instance; its calls still under way fail with `reason`. Settles once the thread has exited. */
  stop(reason: PlatformLimitError): Promise<void> {
    this.endReason ??= reason
    this.ended = true
    void this.worker.terminate()
    return this.exited
  }
}

/** The instances of one function: the current one, replaced by a fresh one once it has ended. */
class FunctionInstances {
  private current: Instance | null = null
  starts = 0
  peakHeapBytes = 0

  constructor(readonly fn: string, private readonly bundle: string, private readonly memoryMb: number) {}

  instance(): Instance {
    if (!this.current || this.current.ended) {
      this.starts += 1
      this.current = new Instance(this.fn, this.bundle, this.memoryMb, (ended) => {
        if (this.current === ended) this.current = null
      }, (bytes) => {
        this.peakHeapBytes = Math.max(this.peakHeapBytes, bytes)
      })
    }
    return this.current
  }

  async close(): Promise<void> {
    const running = this.current
    this.current = null
    if (running && !running.ended) await running.stop(new PlatformLimitError(-504002, `functions execute fail: the local runtime is shutting down`, 502))
  }
}

function builtFunctions(functionsDir: string): string[] {
  const names = readdirSync(functionsDir).filter((name) => existsSync(join(functionsDir, name, 'index.js')))
  if (names.length === 0) throw new Error(`no built functions in ${functionsDir}; run npm run build:functions`)
  return names
}

/** One limited entry per function and entry point, each function's declared timeout read once at load. */
function memoized<T>(names: string[], functionsDir: string, make: (fn: string, entry: Entry, timeoutS: number) => T): (fn: string, entry: Entry) => T {
  const timeouts = new Map(names.map((fn) => [fn, declaredTimeout(functionsDir, fn)]))
  const made = new Map<string, T>()
  return (fn, entry) => {
    const key = `${fn}:${entry}`
    const known = made.get(key)
    if (known !== undefined) return known
    const limited = make(fn, entry, timeouts.get(fn) ?? declaredTimeout(functionsDir, fn))
    made.set(key, limited)
    return limited
  }
}

function inProcess(functionsDir: string, names: string[]): FunctionRuntime {
  const load = freshRequire(functionsDir)
  const bundle = (fn: string, entry: Entry) => {
    const run = (load(join(functionsDir, fn, 'index.js')) as Partial<Record<Entry, (event: unknown, identity?: Identity) => Promise<unknown>>>)[entry]
    if (typeof run !== 'function') throw new Error(`${join(functionsDir, fn, 'index.js')} has no ${entry} export; rebuild with npm run build:functions`)
    return run
  }
  const limited = memoized(names, functionsDir, (fn, entry, timeoutS) =>
    withPlatformLimits<Identity | undefined>(fn, { invoke: (event, identity) => bundle(fn, entry)(event, identity) }, timeoutS))
  return {
    isolation: 'in-process',
    functions: new Map(names.map((fn) => [fn, limited(fn, 'invoke')])),
    call: (fn, entry, event) => limited(fn, entry).invoke(event, undefined),
    coldStarts: () => 1,
    peakHeapMb: () => 0, // not measured in process: one heap for everything
    warm: async () => {
      for (const fn of names) bundle(fn, 'invoke')
    },
    close: async () => undefined,
  }
}

/** Loads every built function in `functionsDir`, each in its own instances (or in process, for profiling). */
export function loadFunctions(functionsDir: string, options: LoadOptions = {}): FunctionRuntime {
  const names = builtFunctions(functionsDir)
  if (options.isolation === 'in-process') return inProcess(functionsDir, names)
  const pools = new Map(names.map((fn) => [fn, new FunctionInstances(fn, join(functionsDir, fn, 'index.js'), declaredMemory(functionsDir, fn))]))
  const limited = memoized(names, functionsDir, (fn, entry, timeoutS) => {
    const pool = pools.get(fn)
    if (!pool) throw new Error(`no built function ${fn} in ${functionsDir}`)
    const target: Stoppable<Identity | undefined> = {
      ready: () => pool.instance().ready,
      begin: (event, identity) => pool.instance().begin(entry, event, identity),
    }
    return withPlatformLimits(fn, target, timeoutS)
  })
  return {
    isolation: 'worker',
    functions: new Map(names.map((fn) => [fn, limited(fn, 'invoke')])),
    call: (fn, entry, event) => limited(fn, entry).invoke(event, undefined),
    coldStarts: (fn) => pools.get(fn)?.starts ?? 0,
    peakHeapMb: (fn) => Math.round((pools.get(fn)?.peakHeapBytes ?? 0) / 1024 / 1024),
    warm: async () => {
      await Promise.all([...pools.values()].map((pool) => pool.instance().ready))
    },
    close: async () => {
      await Promise.all([...pools.values()].map((pool) => pool.close()))
    },
  }
}
