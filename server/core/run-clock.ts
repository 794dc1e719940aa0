// A run's clock for long work split across timer runs and calls (the recount, the clinic figures):
// its deadline and the slowest read so far, so a run starts a read only while that one would still end in time.
/**
 * A run's deadline and the slowest whole-collection read it has made so far: a read is started only while
 * that one would still end before the deadline. `reads` counts them (tests check what a run read).
 */
export interface RunClock {
  deadline: number
  slowest: number
  reads: number
}

export const runClock = (deadline: number): RunClock => ({ deadline, slowest: 0, reads: 0 })
export const fits = (clock: RunClock) => Date.now() + clock.slowest < clock.deadline

export async function timed<T>(clock: RunClock, read: () => Promise<T>): Promise<T> {
  const began = Date.now()
  try {
    return await read()
  } finally {
    clock.slowest = Math.max(clock.slowest, Date.now() - began)
    clock.reads += 1
  }
}
