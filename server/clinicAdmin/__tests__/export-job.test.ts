// The export as a resumable job, through the real SDK and storage, with each call limited to one chunk
// (JOB_BUDGET_MS=0: one page of 1000 rows): progress is visible after every call; a job left
// between chunks is finished by a new function instance (a new dispatcher, fresh contexts) with every row exactly once;
// a run that died holding the lease blocks nobody for longer than the lease; concurrent polls never
// store a chunk twice; only the job's owner, within their venue, may see it; staff's rows stay masked;
// a job left unfinished for a day loses its stored parts to the nightly purge.
import ExcelJS from 'exceljs'
import { ORGANISER, STAFF_BANAN, STAFF_YONGCHUAN } from '../../clinic/__tests__/clinic-harness'
import { createCaller, type Caller } from '../../__tests__/typed-caller'
import { createDispatcher, type Dispatch } from '../../core/router'
import { clinicAdminHandlers } from '../handlers'
import { docsWhere, present } from '../../__tests__/narrow'
import { claimJob, LEASE_MS, readJob, type JobDoc } from '../../shared/jobs'
import { cloud } from '../../core/cloud'
import { fileOf, startAdmin, type AdminTest } from './admin-harness'

let t: AdminTest
let morning = ''
let afternoon = ''
const ROWS = 1500
const NOW = '2022-06-25T10:00:00+08:00'

beforeAll(async () => {
  process.env.JOB_BUDGET_MS = '0'
  t = await startAdmin()
  morning = await t.makeSlot({ title: '巴南上午场', quota: 3000 })
  afternoon = await t.makeSlot({ title: '巴南下午场', startTime: '14:00', endTime: '16:00', quota: 3000 })
  await t.bulkSignups(afternoon, ROWS)
  await t.bulkSignups(morning, ROWS)
})
afterAll(async () => {
  delete process.env.JOB_BUDGET_MS
  await t.close()
})

/** A caller through a new dispatcher with fresh contexts: what a restarted instance runs (the job lives only in the database and storage). */
function freshInstance(): Caller<'clinicAdmin'> {
  const dispatch: Dispatch = createDispatcher('clinicAdmin', clinicAdminHandlers)
  return createCaller<'clinicAdmin'>(dispatch, (openid, now) => t.h.ctx(openid, now), NOW)
}

async function sheetRows(url: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await (await fetch(url)).arrayBuffer())
  return present(book.worksheets[0], 'the sheet').getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1))
}

test('a job left between chunks is finished by a new instance: progress after each call, every row once, in order', async () => {
  const first = await t.admin(ORGANISER, 'exportSignups', { venueId: 'banan' })
  expect(first.data).toMatchObject({ state: 'running', done: 1000, total: 2 * ROWS, masked: false })
  expect(first.data.file).toBeUndefined()
  const restarted = freshInstance()
  const seen: number[] = []
  let status = await restarted(ORGANISER, 'exportStatus', { jobId: first.data.jobId })
  while (status.ok && status.data?.state === 'running') {
    seen.push(status.data.done)
    status = await restarted(ORGANISER, 'exportStatus', { jobId: first.data.jobId })
  }
  // 1000 rows a call; a slot's last page ends its call; the demo venue's four empty slots take one more
  expect(seen).toEqual([1500, 2500, 3000, 3000])
  const file = fileOf(status)
  expect(status.data).toMatchObject({ state: 'done', done: 3000, total: 3000 })
  const rows = await sheetRows(file.url)
  expect(rows).toHaveLength(2 * ROWS)
  expect(new Set(rows.map((r) => `${String(r[0])}|${String(r[6])}`)).size).toBe(2 * ROWS)
  expect(rows[0]?.slice(0, 5)).toEqual(['巴南上午场', '2022-06-26', '09:00–11:30', expect.any(String), '赵批量0'])
  expect(rows[ROWS - 1]?.[4]).toBe(`赵批量${ROWS - 1}`)
  expect(rows[ROWS]?.slice(0, 1).concat(rows[ROWS]?.[4])).toEqual(['巴南下午场', '赵批量0'])
  expect((await t.audits()).at(-1)).toMatchObject({ _id: first.data.jobId, action: 'export', target: 'venue:banan', rows: 2 * ROWS, detail: 'full', fileID: file.fileID })
  const stored = present(await readJob<unknown, { parts: string[] }, unknown>(t.h.db, first.data.jobId), 'the job')
  expect(stored).toMatchObject({ partsRemovedAt: expect.any(String) })
  expect(stored.cursor.parts).toHaveLength(4)
  for (const fileID of stored.cursor.parts) await expect(cloud.downloadFile({ fileID })).rejects.toBeDefined()
  expect((await restarted(ORGANISER, 'exportStatus', {})).data).toMatchObject({ jobId: first.data.jobId, state: 'done', file: { fileID: file.fileID } })
})

test('a run that died holding the lease delays the job by the lease only; concurrent polls store no chunk twice', async () => {
  const started = await t.admin(STAFF_BANAN, 'exportSignups', { slotId: morning }, NOW)
  const jobId = started.data.jobId
  expect(await claimJob(t.h.db, jobId, 'a-run-that-died', Date.parse(NOW), NOW)).not.toBeNull()
  const held = await t.admin(STAFF_BANAN, 'exportStatus', { jobId }, NOW)
  expect(held.data).toMatchObject({ state: 'running', done: 1000 })
  const later = new Date(Date.parse(NOW) + LEASE_MS + 1000).toISOString()
  let status = held
  for (let round = 0; round < 5 && status.data?.state !== 'done'; round++) {
    const answers = await Promise.all([1, 2, 3].map(() => t.admin(STAFF_BANAN, 'exportStatus', { jobId }, later)))
    status = answers.find((a) => a.data?.state === 'done') ?? present(answers[0], 'an answer')
  }
  const file = fileOf(status)
  expect(file).toMatchObject({ rows: ROWS, masked: true })
  const job = present(await readJob<unknown, { parts: string[] }, unknown>(t.h.db, jobId), 'the job')
  expect(job).toMatchObject({ chunks: 3, done: ROWS, leaseBy: '' })
  const rows = await sheetRows(file.url)
  expect(rows).toHaveLength(ROWS)
  expect(new Set(rows.map((r) => r[6])).size).toBe(ROWS)
  expect(rows.every((r) => String(r[4]).includes('*') && String(r[6]).includes('****'))).toBe(true)
  expect(JSON.stringify(rows)).not.toMatch(/赵批量|137\d{8}/)
})

test('only the owner sees a job, and only within their venue', async () => {
  const started = await t.admin(STAFF_BANAN, 'exportSignups', { slotId: afternoon }, '2022-06-25T10:05:00+08:00')
  const jobId = started.data.jobId
  expect(await t.admin(STAFF_YONGCHUAN, 'exportStatus', { jobId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await t.admin(ORGANISER, 'exportStatus', { jobId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await t.admin('resident-1', 'exportStatus', { jobId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await t.admin(STAFF_YONGCHUAN, 'exportStatus', {})).data).toBeNull()
  expect(await t.admin(STAFF_BANAN, 'exportStatus', { jobId: 'clinicExport-0000000000000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect((await t.admin(STAFF_BANAN, 'exportStatus', {})).data).toMatchObject({ jobId, state: 'running', done: 1500 })
  expect((await readJob(t.h.db, jobId))?.done).toBe(1500)
})

test('a job left unfinished for a day loses its stored parts to the nightly purge, and says so', async () => {
  const [left, ...others] = await docsWhere<JobDoc<unknown, { parts: string[] }, unknown>>(t.h.db, 'jobs', { owner: STAFF_BANAN, state: 'running' })
  expect(others).toEqual([])
  const parts = present(left, 'the job left running').cursor.parts
  expect(parts.length).toBeGreaterThan(0)
  delete process.env.JOB_BUDGET_MS
  try {
    expect((await t.timer('2022-06-26T11:00:00+08:00')).data).toMatchObject({ abandonedExports: 1 })
  } finally {
    process.env.JOB_BUDGET_MS = '0'
  }
  for (const fileID of parts) await expect(cloud.downloadFile({ fileID })).rejects.toBeDefined()
  const told = await t.admin(STAFF_BANAN, 'exportStatus', { jobId: present(left)._id })
  expect(told.data).toMatchObject({ state: 'failed', error: expect.stringContaining('请重新导出') })
  expect(told.data?.file).toBeUndefined()
})
