// Timer triggers, locally: what WeChat does with each function's config.json `triggers` of type timer
// (7-field cron: second minute hour day month weekday year), the local runtime does with croner — at
// each run it calls the built bundle's real `main` with WeChat's timer event `{ Type, TriggerName, Time }`,
// without a user, in the function's instance (./gateway/functions), so reminders, the hold repair and the
// retention purge run under `npm start` through the same code path as in production, within the
// function's declared timeout and stopped at it as CloudBase runs them.
// Times are read in China time, as the festival's schedules are.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Cron } from 'croner'
import type { FunctionRuntime } from './gateway/functions'

export interface TimerTrigger {
  fn: string
  name: string
  cron: string
}

export interface TimerRun {
  trigger: TimerTrigger
  at: Date
  result?: unknown
  error?: unknown
}

/** Every timer trigger declared by the functions in `functionsDir`. */
export function readTimerTriggers(functionsDir: string): TimerTrigger[] {
  const triggers: TimerTrigger[] = []
  for (const fn of readdirSync(functionsDir)) {
    const file = join(functionsDir, fn, 'config.json')
    if (!existsSync(file)) continue
    const config = JSON.parse(readFileSync(file, 'utf8')) as { triggers?: Array<{ name?: string; type?: string; config?: string }> }
    for (const t of config.triggers ?? []) {
      if (t.type === 'timer' && t.name && t.config) triggers.push({ fn, name: t.name, cron: t.config })
    }
  }
  return triggers
}

/** Fires one trigger now, as WeChat would: the bundle's `main` with the timer event and no user. */
export async function fireTimer(runtime: Pick<FunctionRuntime, 'call'>, trigger: TimerTrigger, at = new Date()): Promise<TimerRun> {
  try {
    const result = await runtime.call(trigger.fn, 'main', { Type: 'Timer', TriggerName: trigger.name, Time: at.toISOString() })
    return { trigger, at, result }
  } catch (error) {
    return { trigger, at, error }
  }
}

export interface TimerSchedule {
  triggers: TimerTrigger[]
  /** The next time each trigger runs. */
  next(): Array<{ trigger: TimerTrigger; at: Date | null }>
  /** Runs a trigger at once, besides its schedule (a demo, a test). */
  runNow(name: string): Promise<TimerRun>
  stop(): void
}

/** Schedules every trigger; one run of a trigger at a time (a slow run makes the next one wait, not overlap). */
export function scheduleTimers(runtime: Pick<FunctionRuntime, 'call'>, functionsDir: string, onRun: (run: TimerRun) => void): TimerSchedule {
  const triggers = readTimerTriggers(functionsDir)
  const jobs = triggers.map((trigger) => ({
    trigger,
    job: new Cron(trigger.cron, { timezone: 'Asia/Shanghai', protect: true }, async () => {
      onRun(await fireTimer(runtime, trigger))
    }),
  }))
  return {
    triggers,
    next: () => jobs.map(({ trigger, job }) => ({ trigger, at: job.nextRun() })),
    runNow: async (name) => {
      const trigger = triggers.find((t) => t.name === name)
      if (!trigger) throw new Error(`没有名为 ${name} 的定时触发器`)
      const run = await fireTimer(runtime, trigger)
      onRun(run)
      return run
    },
    stop: () => jobs.forEach(({ job }) => job.stop()),
  }
}
