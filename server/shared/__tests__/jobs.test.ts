// The generic job record through the real SDK: one run at a time holds a job (runs started together
// work one chunk between them), a finished job is never worked again, a lost run's lease lapses, and a
// chunk that keeps throwing fails the job after MAX_FAILURES tries while the client only ever sees a
// message in words, never the thrown error.
import { startHarness, type Harness } from '../../__tests__/harness'
import { advanceJob, claimJob, createJob, LEASE_MS, MAX_FAILURES, progressOf, readJob, type RunOptions } from '../jobs'

let h: Harness
beforeAll(async () => { h = await startHarness({ seed: false }) })
afterAll(() => h.close())

const AT = '2022-06-25T10:00:00.000+08:00'
const NOW = Date.parse(AT)
type Cursor = { next: number }

async function counterJob(total: number) {
  return createJob<Record<string, never>, Cursor, string>(h.db, { kind: 'test', owner: 'o', params: {}, total, cursor: { next: 0 } }, AT)
}

function counting(calls: number[], total: number, nowMs = NOW): RunOptions<Record<string, never>, Cursor, string> {
  return {
    nowMs, at: AT, budgetMs: 0,
    async chunk(job) {
      calls.push(job.cursor.next)
      const next = job.cursor.next + 1
      return { done: 1, cursor: { next }, ...(next === total ? { result: 'finished' } : {}) }
    },
  }
}

test('runs started together work one chunk between them; a finished job is not worked again', async () => {
  const job = await counterJob(2)
  const calls: number[] = []
  await Promise.all([1, 2, 3, 4].map(() => advanceJob(h.db, job._id, counting(calls, 2))))
  expect(calls).toEqual([0])
  await advanceJob(h.db, job._id, counting(calls, 2))
  expect(await readJob(h.db, job._id)).toMatchObject({ state: 'done', done: 2, chunks: 2, result: 'finished', leaseBy: '' })
  await advanceJob(h.db, job._id, counting(calls, 2))
  expect(calls).toEqual([0, 1])
})

test('a chunk that keeps throwing is retried, then fails the job; the client sees words, not the error', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const job = await counterJob(5)
  const failing = { nowMs: NOW, at: AT, budgetMs: 0, chunk: async () => { throw new Error('ECONNRESET at storage') } }
  const seen = []
  for (let i = 0; i < MAX_FAILURES; i++) seen.push(progressOf(await advanceJob<Record<string, never>, Cursor, string>(h.db, job._id, failing) ?? job))
  expect(seen.map((p) => [p.state, p.error])).toEqual([
    ['running', '上一段处理出错，正在重试'], ['running', '上一段处理出错，正在重试'], ['failed', '处理中多次出错，任务已停止'],
  ])
  expect(await readJob(h.db, job._id)).toMatchObject({ state: 'failed', failures: MAX_FAILURES, error: 'ECONNRESET at storage', leaseBy: '' })
  expect(logged).toHaveBeenCalledWith(`job ${job._id}: chunk failed: ECONNRESET at storage`)
  logged.mockRestore()
})

test('a lease held by a lost run lapses after LEASE_MS', async () => {
  const job = await counterJob(3)
  const calls: number[] = []
  expect(await claimJob(h.db, job._id, 'a-lost-run', NOW, AT)).toMatchObject({ leaseBy: 'a-lost-run', leaseUntil: NOW + LEASE_MS })
  await advanceJob(h.db, job._id, counting(calls, 3, NOW + LEASE_MS - 1))
  expect(calls).toEqual([])
  await advanceJob(h.db, job._id, counting(calls, 3, NOW + LEASE_MS + 1))
  expect(calls).toEqual([0])
})
