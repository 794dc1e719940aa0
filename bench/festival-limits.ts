// The festival-scale table's measuring: each action is called through the full local stack (gateway →
// built bundle → wx-server-sdk → local service) wrapped in CloudBase's per-call limits exactly as the
// local runtime applies them (local/platform-limits.ts: the function's declared `timeout` from its
// config.json, 3 s when absent; 100 KB request; 6 MB answer), and its database requests are counted at
// the service. A call over a limit is reported as the platform would fail it.
import { join } from 'node:path'
import { PlatformLimitError, declaredTimeout, withPlatformLimits } from '../local/platform-limits'
import { REPO_ROOT, type LocalApp } from '../local/runtime'
import type { ActionName, InputOf } from '../src/contract/api'
import type { FunctionName } from '../src/contract/schemas'
import { callFn, type Browser, type CallResult } from './gateway-client'
import { dbCount } from './selection-setup'

export interface ScaleRow<T = unknown> {
  action: string
  db: number
  ms: number
  timeoutS: number
  outcome: string
  result?: CallResult<T>
}

export const timeoutOf = (fn: string) => declaredTimeout(join(REPO_ROOT, 'cloudfunctions'), fn)

/** Runs `run` under `fn`'s platform limits; `run` answers the call's Result (or, for a timer, its return). */
export async function limited<T>(app: LocalApp, action: string, fn: string, run: () => Promise<CallResult<T>>): Promise<ScaleRow<T>> {
  const timeoutS = timeoutOf(fn)
  const wrapped = withPlatformLimits(fn, { invoke: () => run() }, timeoutS)
  app.cloudbase.resetStats()
  const started = performance.now()
  try {
    const result = (await wrapped.invoke({}, null)) as CallResult<T>
    const ms = performance.now() - started
    return { action, db: dbCount(app).db, ms, timeoutS, outcome: result.ok ? 'ok' : `refused ${result.code}: ${result.message}`, result }
  } catch (error) {
    const ms = performance.now() - started
    const outcome = error instanceof PlatformLimitError ? `FAILS ON CLOUDBASE: ${error.errCode} ${error.errMsg}` : `error: ${String(error)}`
    return { action, db: dbCount(app).db, ms, timeoutS, outcome }
  }
}

export const call = <F extends FunctionName, A extends ActionName<F>>(app: LocalApp, who: Browser, fn: F, action: A, input: InputOf<F, A>) =>
  () => callFn(app.url, who, fn, action, input)

/** The table: action, database requests, time, declared timeout, margin (timeout ÷ time). */
export function formatRows(rows: ScaleRow[]): string[] {
  const width = Math.max(...rows.map((r) => r.action.length), 6)
  const head = `${'action'.padEnd(width)}  ${'db req'.padStart(7)}  ${'time'.padStart(10)}  ${'timeout'.padStart(7)}  ${'margin'.padStart(7)}  outcome`
  return [head, ...rows.map((r) => {
    const margin = r.ms > 0 ? `${((r.timeoutS * 1000) / r.ms).toFixed(1)}×` : '-'
    return `${r.action.padEnd(width)}  ${String(r.db).padStart(7)}  ${`${r.ms.toFixed(0)} ms`.padStart(10)}  ${`${r.timeoutS} s`.padStart(7)}  ${margin.padStart(7)}  ${r.outcome}`
  })]
}

/** A function's timer trigger as CloudBase's timer calls it: `main` in the function's own instance, stopped at its timeout. */
export const timerOf = <T = unknown>(app: LocalApp, fn: string, trigger: string) => async (): Promise<CallResult<T>> =>
  (await app.functions.call(fn, 'main', { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() })) as CallResult<T>

/** Timer runs (labelled by their number) until `done` says so, a run is not ok, or `maxRuns`: every run's row. */
export async function runsUntil<T>(app: LocalApp, fn: string, timer: () => Promise<CallResult<T>>, label: (run: number) => string, done: (row: ScaleRow<T>) => boolean | Promise<boolean>, maxRuns: number): Promise<Array<ScaleRow<T>>> {
  const rows: Array<ScaleRow<T>> = []
  for (;;) {
    const row = await limited(app, label(rows.length + 1), fn, timer)
    rows.push(row)
    if (rows.length >= maxRuns || row.outcome !== 'ok' || (await done(row))) return rows
  }
}

/** A job's runs together: their database requests and time summed, and the slowest run's time. */
export const wholeJob = (rows: ScaleRow[]) => ({
  db: rows.reduce((n, r) => n + r.db, 0), ms: rows.reduce((n, r) => n + r.ms, 0), slowestMs: Math.max(...rows.map((r) => r.ms)),
})

