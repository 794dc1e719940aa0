// The fake clock of one launched app: `Date` and the timer functions of the app's realm read it. Time
// moves only when a test says so (`tick`) or, for frame-scale delays, when the harness settles the app
// (`runDue` with a small horizon). The cloud functions keep the real clock.

interface Timer {
  id: number
  at: number
  fn: () => void
  every?: number
}

export class FakeClock {
  private current: number
  private timers = new Map<number, Timer>()
  private nextId = 1

  constructor(start: Date | string | number = Date.now(), private onError: (error: unknown) => void = (e) => { throw e }) {
    this.current = new Date(start).getTime()
  }

  now(): number {
    return this.current
  }

  setTimeout(fn: () => void, delay = 0): number {
    const id = this.nextId++
    this.timers.set(id, { id, at: this.current + Math.max(0, Number(delay) || 0), fn })
    return id
  }

  setInterval(fn: () => void, every = 0): number {
    const id = this.nextId++
    const step = Math.max(1, Number(every) || 0)
    this.timers.set(id, { id, at: this.current + step, fn, every: step })
    return id
  }

  clear(id: unknown): void {
    if (typeof id === 'number') this.timers.delete(id)
  }

  /** When the next timer is due, or undefined when none is set. */
  nextDue(): number | undefined {
    let next: number | undefined
    for (const t of this.timers.values()) if (next === undefined || t.at < next) next = t.at
    return next
  }

  /** Runs, in order, every timer due at or before now + horizon, moving the clock to each one's time. Answers how many ran. */
  runDue(horizon = 0): number {
    const limit = this.current + horizon
    let ran = 0
    for (;;) {
      const due = [...this.timers.values()].filter((t) => t.at <= limit).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) return ran
      this.current = Math.max(this.current, due.at)
      if (due.every) due.at += due.every
      else this.timers.delete(due.id)
      ran++
      try {
        due.fn()
      } catch (error) {
        this.onError(error)
      }
    }
  }

  /** Moves the clock forward by `ms`, running the timers that fall due on the way. */
  tick(ms: number): number {
    const end = this.current + Math.max(0, ms)
    const ran = this.runDue(ms)
    this.current = end
    return ran
  }
}
