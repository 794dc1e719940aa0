// CloudBase's limits on a cloud-function call, applied by the local runtime so a local run is never
// kinder than production: each function's `timeout` from its config.json (CloudBase's default 3 s when
// absent; the console allows 1–60 s), a request body of at most 100 KB of JSON text and an answer of at
// most 6 MB (docs.cloudbase.net/error-code/EXCEED_MAX_PAYLOAD_SIZE; SCF's synchronous answer limit).
// A call over a limit fails the way wx.cloud.callFunction fails (an errCode, no result), not as a
// Result the function wrote. A call past its deadline is stopped when its function can be stopped (the
// local runtime's instances, ./gateway/functions): CloudBase ends the instance of a timed-out call, so
// nothing the handler would still have done after the deadline happens; the timeout error is answered
// once the instance has ended. The time an instance takes to start (its cold start) is not part of the
// call's time, as on CloudBase, where initialisation is not counted in the execution timeout.
// Each function's `memorySize` (config.json; CloudBase's 256 MB when absent) bounds its instance: the
// local runtime gives the instance's JS heap no more than that (see ./gateway/functions), and an instance
// that runs out ends with FUNCTIONS_MEMORY_LIMIT_EXCEEDED for the calls it was running.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const DEFAULT_TIMEOUT_S = 3
export const MAX_REQUEST_BYTES = 100 * 1024
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024
/** CloudBase's default memory and the sizes its console offers (MB). */
export const DEFAULT_MEMORY_MB = 256
export const MEMORY_SIZES_MB = [128, 256, 512, 1024, 2048]

/** What wx.cloud.callFunction rejects with when the platform, not the function, refuses or ends a call. */
export class PlatformLimitError extends Error {
  constructor(readonly errCode: number, readonly errMsg: string, readonly httpStatus = errCode === -504003 ? 504 : 413) {
    super(errMsg)
    this.name = 'PlatformLimitError'
  }
}

export interface Invocable<I> {
  invoke(event: unknown, identity: I): Promise<unknown>
}

/** One call under way in a function instance that can be stopped. */
export interface StoppableCall {
  result: Promise<unknown>
  /** Ends the instance running the call; settles once none of its code runs any more. */
  stop(): Promise<void>
}

/** A function whose calls can be stopped: `ready` settles once the instance for the next call is up. */
export interface Stoppable<I> {
  ready(): Promise<void>
  begin(event: unknown, identity: I): StoppableCall
}

/** A function's config.json (empty when it has none). */
function functionConfig(functionsDir: string, fn: string): { file: string; config: { timeout?: unknown; memorySize?: unknown } } {
  const file = join(functionsDir, fn, 'config.json')
  return { file, config: existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as { timeout?: unknown; memorySize?: unknown } : {} }
}

/** A function's declared memory in MB (config.json `memorySize`), CloudBase's default when absent. */
export function declaredMemory(functionsDir: string, fn: string): number {
  const { file, config: { memorySize } } = functionConfig(functionsDir, fn)
  if (memorySize === undefined) return DEFAULT_MEMORY_MB
  if (typeof memorySize !== 'number' || !MEMORY_SIZES_MB.includes(memorySize)) {
    throw new Error(`${file}: memorySize must be one of ${MEMORY_SIZES_MB.join(' / ')} (MB, CloudBase's sizes), not ${JSON.stringify(memorySize)}`)
  }
  return memorySize
}

/** What the calls of an instance that ran out of its declared memory end with (HTTP 502 at the gateway). */
export function memoryExceeded(fn: string, memoryMb: number): PlatformLimitError {
  return new PlatformLimitError(
    -504002,
    `functions execute fail: FUNCTIONS_MEMORY_LIMIT_EXCEEDED: ${fn} used more than its memorySize of ${memoryMb} MB; 云函数运行内存超限，请减少一次处理的数据量（分批处理）或在 config.json 调大 memorySize`,
    502,
  )
}

/** A function's declared timeout in seconds (config.json `timeout`), CloudBase's default when absent. */
export function declaredTimeout(functionsDir: string, fn: string): number {
  const { file, config: { timeout } } = functionConfig(functionsDir, fn)
  if (timeout === undefined) return DEFAULT_TIMEOUT_S
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 60) {
    throw new Error(`${file}: timeout must be a whole number of seconds from 1 to 60 (CloudBase's range), not ${JSON.stringify(timeout)}`)
  }
  return timeout
}

const byteLength = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null), 'utf8')

function stoppable<I>(fn: Invocable<I> | Stoppable<I>): Stoppable<I> {
  if ('begin' in fn) return fn
  return { ready: async () => undefined, begin: (event, identity) => ({ result: fn.invoke(event, identity), stop: async () => undefined }) }
}

/** Wraps a function so every call is held to CloudBase's limits (and stopped at its deadline when it can be). */
export function withPlatformLimits<I>(name: string, fn: Invocable<I> | Stoppable<I>, timeoutS: number): Invocable<I> {
  const target = stoppable(fn)
  return {
    async invoke(event, identity) {
      if (byteLength(event) > MAX_REQUEST_BYTES) {
        throw new PlatformLimitError(-504002, `functions invoke fail: request body of ${name} exceeds ${MAX_REQUEST_BYTES} bytes (EXCEED_MAX_PAYLOAD_SIZE)`)
      }
      await target.ready()
      const call = target.begin(event, identity)
      const result = await new Promise<unknown>((resolve, reject) => {
        let settled = false
        const timer = setTimeout(() => {
          settled = true
          const timedOut = new PlatformLimitError(-504003, `Invoking task timed out after ${timeoutS} seconds (${name})`)
          call.stop().then(() => reject(timedOut), () => reject(timedOut))
        }, timeoutS * 1000)
        const settle = (done: () => void) => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          done()
        }
        call.result.then((value) => settle(() => resolve(value)), (error: unknown) => settle(() => reject(error)))
      })
      if (byteLength(result) > MAX_RESPONSE_BYTES) {
        throw new PlatformLimitError(-504002, `functions invoke fail: the answer of ${name} exceeds ${MAX_RESPONSE_BYTES} bytes`)
      }
      return result
    },
  }
}
