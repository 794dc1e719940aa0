// The retention purge as a resumable job through the real SDK, each timer run limited to one chunk
// (JOB_BUDGET_MS=0): the day's job keeps its progress between runs and the next timer run of the
// night continues it; runs at the same moment never anonymise a slot twice nor log twice; a run that
// died holding the lease holds the job up only until the lease ends; the finished day answers its result.
import { ORGANISER } from '../../clinic/__tests__/clinic-harness'
import { present } from '../../__tests__/narrow'
import { claimJob, LEASE_MS, readJob } from '../../shared/jobs'
import { PURGE_CHUNK_SLOTS } from '../purge'
import { bulkDoc, startAdmin, type AdminTest } from './admin-harness'

let t: AdminTest
const SLOTS = 25
const slotIds: string[] = []
/** The slots end on 26 June 2022; 30 days on, the night of 27 July purges them. */
const NIGHT = (minute: number) => `2022-07-27T03:${String(minute).padStart(2, '0')}:00+08:00`

beforeAll(async () => {
  process.env.JOB_BUDGET_MS = '0'
  t = await startAdmin()
  const template = await t.slotDoc(await t.makeSlot({ title: '模板场次' }))
  await t.h.db.collection('clinicSlots').where({ _id: template._id }).remove()
  for (let i = 0; i < SLOTS; i++) {
    const slot = { ...template, _id: `banan-bulk-${String(i).padStart(2, '0')}` }
    await t.h.db.collection('clinicSlots').add({ data: slot })
    await t.h.db.collection('clinicSignups').add({ data: [0, 1].map((k) => bulkDoc(slot._id, 'banan', i * 2 + k)) as unknown as Record<string, unknown> })
    slotIds.push(slot._id)
  }
})
afterAll(async () => {
  delete process.env.JOB_BUDGET_MS
  await t.close()
})

const anonymisedCount = async () => {
  const res = (await t.h.db.collection('clinicSignups').where({ anonymisedAt: t.h.db.command.exists(true) }).count()) as { total: number }
  return res.total
}

test('the night\'s job advances one chunk per timer run, keeps its progress, and never does a slot twice', async () => {
  const first = await t.timer(NIGHT(0))
  expect(first.data).toMatchObject({ slots: PURGE_CHUNK_SLOTS, anonymised: 2 * PURGE_CHUNK_SLOTS, job: { state: 'running', done: PURGE_CHUNK_SLOTS, total: SLOTS } })
  expect(await anonymisedCount()).toBe(2 * PURGE_CHUNK_SLOTS)
  const jobId = present(first.data.job, 'the job').jobId
  expect(jobId).toBe('clinicPurge-2022-07-27')

  expect(await claimJob(t.h.db, jobId, 'a-run-that-died', Date.parse(NIGHT(1)), NIGHT(1))).not.toBeNull()
  expect((await t.timer(NIGHT(1))).data.job).toMatchObject({ state: 'running', done: PURGE_CHUNK_SLOTS })
  const audits = (await t.audits()).length

  const later = Date.parse(NIGHT(1)) + LEASE_MS + 60_000
  const together = await Promise.all([1, 2, 3].map(() => t.timer(new Date(later).toISOString())))
  expect(Math.max(...together.map((r) => r.data.job?.done ?? 0))).toBe(2 * PURGE_CHUNK_SLOTS)
  expect(await anonymisedCount()).toBe(4 * PURGE_CHUNK_SLOTS)

  let run = await t.timer(NIGHT(20))
  for (let minute = 30; run.data.job?.state === 'running' && minute < 60; minute += 10) run = await t.timer(NIGHT(minute))
  expect(run.data).toMatchObject({ festivals: ['cq-2022'], slots: SLOTS, anonymised: 2 * SLOTS, job: { state: 'done', done: SLOTS, total: SLOTS } })
  expect(await anonymisedCount()).toBe(2 * SLOTS)
  for (const id of slotIds) expect((await t.slotDoc(id)).purgedAt).toBeDefined()
  expect((await t.audits()).slice(audits)).toEqual([expect.objectContaining({ action: 'purge', rows: 2 * SLOTS, actor: { openid: '', name: '定时任务' } })])

  expect((await t.timer('2022-07-27T05:50:00+08:00')).data).toMatchObject({ slots: SLOTS, job: { state: 'done' } })
  expect(await t.audits()).toHaveLength(audits + 1)
  expect(present(await readJob(t.h.db, jobId), 'the job')).toMatchObject({ leaseBy: '', chunks: 5 })
})

test('an organiser\'s run by hand is a job of its own, done at once when nothing is left', async () => {
  delete process.env.JOB_BUDGET_MS
  const run = await t.admin(ORGANISER, 'purgePersonalData', {}, '2022-07-27T09:00:00+08:00')
  expect(run.data).toMatchObject({ slots: 0, anonymised: 0, job: { state: 'done', jobId: expect.stringMatching(/^clinicPurge-[0-9a-f]{16}$/) } })
})
