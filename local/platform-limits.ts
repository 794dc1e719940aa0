// CloudBase's limits on a cloud-function call, applied by the local runtime so a local run is never
// kinder than production: each function's `timeout` from its config.json (CloudBase's default 3 s when
// absent; the console allows 1–60 s), a request body of at most 100 KB of JSON text and an answer of at
// most 6 MB (docs.cloudbase.net/error-code/EXCEED_MAX_PAYLOAD_SIZE; SCF's synchronous answer limit).
// A call over a limit fails the way wx.cloud.callFunction fails (an errCode, no result), not as a
// Result the function wrote. The handler of a timed-out call is not stopped here (it shares the
// process); production cuts it, so work after the deadline must never be relied on.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const DEFAULT_TIMEOUT_S = 3
export const MAX_REQUEST_BYTES = 100 * 1024
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024

/** What wx.cloud.callFunction rejects with when the platform, not the function, refuses a call. */
export class PlatformLimitError extends Error {
  constructor(readonly errCode: number, readonly errMsg: string) {
    super(errMsg)
    this.name = 'PlatformLimitError'
  }
}

export interface Invocable<I> {
  invoke(event: unknown, identity: I): Promise<unknown>
}

/** A function's declared timeout in seconds (config.json `timeout`), CloudBase's default when absent. */
export function declaredTimeout(functionsDir: string, fn: string): number {
  const file = join(functionsDir, fn, 'config.json')
  if (!existsSync(file)) return DEFAULT_TIMEOUT_S
  const { timeout } = JSON.parse(readFileSync(file, 'utf8')) as { timeout?: unknown }
  if (timeout === undefined) return DEFAULT_TIMEOUT_S
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 60) {
    throw new Error(`${file}: timeout must be a whole number of seconds from 1 to 60 (CloudBase's range), not ${JSON.stringify(timeout)}`)
  }
  return timeout
}

const byteLength = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null), 'utf8')

/** Wraps a loaded function so every call is held to CloudBase's limits. */
export function withPlatformLimits<I>(name: string, fn: Invocable<I>, timeoutS: number): Invocable<I> {
  return {
    async invoke(event, identity) {
      if (byteLength(event) > MAX_REQUEST_BYTES) {
        throw new PlatformLimitError(-504002, `functions invoke fail: request body of ${name} exceeds ${MAX_REQUEST_BYTES} bytes (EXCEED_MAX_PAYLOAD_SIZE)`)
      }
      let timer: NodeJS.Timeout | undefined
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PlatformLimitError(-504003, `Invoking task timed out after ${timeoutS} seconds (${name})`)), timeoutS * 1000)
      })
      try {
        const result = await Promise.race([fn.invoke(event, identity), deadline])
        if (byteLength(result) > MAX_RESPONSE_BYTES) {
          throw new PlatformLimitError(-504002, `functions invoke fail: the answer of ${name} exceeds ${MAX_RESPONSE_BYTES} bytes`)
        }
        return result
      } finally {
        clearTimeout(timer)
      }
    },
  }
}
