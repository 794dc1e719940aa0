// Exports a slot's or a venue's sign-ups to an .xlsx in cloud storage as a resumable job (shared/jobs.ts,
// kind `clinicExport`), so a 100,000-row venue fits the function's 60 s limit call by call:
//   - exportSignups checks the caller (staff of the venue, or an organiser), counts the rows, records the
//     job (its slots in export order, masked or not, the file name, a random storage folder) and works
//     it for up to EXPORT_CALL_BUDGET_MS, so a slot of a few thousand rows is answered done at once;
//   - each chunk reads up to PART_ROWS rows, 1000 per request, slot by slot in sign-up order by
//     (createdAt, _id) keyset, renders them (masked for staff) and stores them as part <n> of the folder;
//     the cursor (slot, last createdAt and _id, parts so far) is saved after each part, so a run cut off
//     is redone from the last part by the next call, and a part rewritten under its own number;
//   - the last chunk streams the parts into the workbook (workbook.ts), uploads it beside them and
//     writes the audit record (one per job) with the row count and fileID, which the daily purge uses to
//     delete the file a day later (export-files.ts); once the job is saved done its parts are deleted
//     (the nightly purge deletes any left behind, and those of jobs unfinished after a day);
//   - exportStatus (the organiser's page polls it) shows the caller's own job — never anyone else's —
//     advancing it a further budget, and once done gives a fresh one-hour link.
// Staff get masked names and phones; organisers get full entries.
import type { ExportFile, ExportJob } from '../../src/contract/clinic-admin'
import type { Api } from '../../src/contract/api'
import { fail, ok, type Result } from '../../src/contract/result'
import { allowVenue, requireStaff, type StaffMember } from '../core/auth'
import { toChinaIsoMs } from '../core/china-time'
import { cloud } from '../core/cloud'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst } from '../core/db'
import type { SignupDoc } from '../shared/clinic-records'
import { audit } from '../shared/clinic-audit'
import { advanceJob, createJob, jobBudgetMs, progressOf, readJob, type JobDoc } from '../shared/jobs'
import { exportFolder } from './export-files'
import { cells, exportFileName, orderSlots, writeWorkbook, type SlotInfo } from './workbook'

export const EXPORT_KIND = 'clinicExport'
export const EXPORT_BATCH = 1000
export const EXPORT_LINK_SECONDS = 3600
/** Rows per stored part (one chunk of the job). */
export const PART_ROWS = 10_000
/** Wall time one call spends starting chunks (the function's limit is 60 s; a chunk takes a few seconds). */
export const EXPORT_CALL_BUDGET_MS = 20_000

export const exportBudgetMs = () => jobBudgetMs(EXPORT_CALL_BUDGET_MS)
/** What assembling the workbook may take per row: measured 0.05–0.11 ms per row locally (100,000 rows: 5–11 s, peak RSS ≈ 340 MB). */
const ASSEMBLE_MS_PER_ROW = 0.1
const ASSEMBLE_MIN_MS = 2000
const SLOT_FIELDS = { _id: true, venueId: true, venueName: true, title: true, date: true, startTime: true, endTime: true }

type Slot = SlotInfo & { venueId: string; venueName: string }

export interface ExportParams {
  /** The slot's id, or venue:<id>. */
  target: string
  masked: boolean
  fileName: string
  /** The storage folder of the parts and the file (128 random bits). */
  folder: string
  slots: SlotInfo[]
  actor: Pick<StaffMember, 'openid' | 'displayName'>
}

export interface ExportCursor {
  /** Index in params.slots of the slot being read; past the end once every row is stored. */
  slot: number
  /** The last row stored, by (createdAt, _id) within the slot; empty at a slot's start. */
  createdAt: string
  id: string
  /** fileIDs of the parts stored so far, in order. */
  parts: string[]
}

export interface ExportResult {
  fileID: string
  rows: number
}

type ExportDoc = JobDoc<ExportParams, ExportCursor, ExportResult> & { partsRemovedAt?: string }

async function slotsOf(ctx: Ctx, input: Api['clinicAdmin']['exportSignups']['parsed']): Promise<Slot[]> {
  const where = input.slotId ? { _id: input.slotId } : { venueId: input.venueId }
  return getDocs(ctx.db.collection(COLLECTIONS.clinicSlots).where(where).field(SLOT_FIELDS).limit(1000))
}

/** The next page of a slot's sign-ups after (createdAt, _id), in sign-up order. */
async function page(ctx: Ctx, slotId: string, after: Pick<ExportCursor, 'createdAt' | 'id'>, limit: number): Promise<SignupDoc[]> {
  const _ = ctx.db.command
  const where = after.id
    ? _.and([{ slotId }, _.or([{ createdAt: _.gt(after.createdAt) }, { createdAt: after.createdAt, _id: _.gt(after.id) }])])
    : { slotId }
  return getDocs<SignupDoc>(
    ctx.db.collection(COLLECTIONS.clinicSignups).where(where)
      .field({ checkInToken: false, consent: false, history: false }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(limit),
  )
}

/** Reads up to PART_ROWS rows from the cursor (moving on to the next slots) and stores them as the next part. */
async function storePart(ctx: Ctx, job: ExportDoc, budget: { left(): number }): Promise<{ done: number; cursor: ExportCursor }> {
  const { slots, masked, folder } = job.params
  const cursor: ExportCursor = { ...job.cursor, parts: [...job.cursor.parts] }
  const rows: string[][] = []
  while (cursor.slot < slots.length && rows.length < PART_ROWS && (rows.length === 0 || budget.left() > 0)) {
    const slot = slots[cursor.slot] as SlotInfo
    const want = Math.min(EXPORT_BATCH, PART_ROWS - rows.length)
    const batch = await page(ctx, slot._id, cursor, want)
    for (const doc of batch) rows.push(cells(doc, slot, masked))
    const last = batch[batch.length - 1]
    if (last) Object.assign(cursor, { createdAt: last.createdAt, id: last._id })
    if (batch.length < want) Object.assign(cursor, { slot: cursor.slot + 1, createdAt: '', id: '' })
  }
  if (rows.length > 0) {
    const { fileID } = await cloud.uploadFile({ cloudPath: `${folder}/parts/${cursor.parts.length}.json`, fileContent: Buffer.from(JSON.stringify(rows)) })
    cursor.parts.push(fileID)
  }
  return { done: rows.length, cursor }
}

async function* readParts(fileIDs: string[]): AsyncGenerator<string[][]> {
  for (const fileID of fileIDs) {
    const res = (await cloud.downloadFile({ fileID })) as { fileContent?: Buffer }
    if (!res.fileContent) throw new Error(`export part ${fileID} is missing`)
    yield JSON.parse(res.fileContent.toString('utf8')) as string[][]
  }
}

/**
 * Streams the parts into the workbook, stores it and audit-logs the export (once per job, whatever the
 * redos). Redone from the same parts after a lost run; they are deleted only once the job is saved done.
 */
async function assemble(ctx: Ctx, job: ExportDoc): Promise<ExportResult> {
  const content = await writeWorkbook(readParts(job.cursor.parts))
  const { fileID } = await cloud.uploadFile({ cloudPath: `${job.params.folder}/${job.params.fileName}`, fileContent: content })
  const { actor, masked, target } = job.params
  await audit(ctx, actor, { action: 'export', target, rows: job.done, detail: masked ? 'masked' : 'full', fileID }, job._id)
  return { fileID, rows: job.done }
}

async function deleteParts(fileIDs: string[]): Promise<void> {
  for (let i = 0; i < fileIDs.length; i += 50) await cloud.deleteFile({ fileList: fileIDs.slice(i, i + 50) })
}

/** A done job's parts leave storage (the nightly purge retries any left behind). */
async function tidy(ctx: Ctx, job: ExportDoc | null): Promise<ExportDoc | null> {
  if (job?.state !== 'done' || job.partsRemovedAt) return job
  await deleteParts(job.cursor.parts)
  const at = toChinaIsoMs(ctx.now())
  await ctx.db.collection(COLLECTIONS.jobs).where({ _id: job._id }).update({ data: { partsRemovedAt: at } })
  return { ...job, partsRemovedAt: at }
}

/** Works the job for up to `budgetMs`; the workbook is assembled by a run that has the time left for it (or by a fresh run). */
export async function advanceExport(ctx: Ctx, id: string, budgetMs = exportBudgetMs(), created?: ExportDoc): Promise<ExportDoc | null> {
  let worked = false
  return tidy(ctx, await advanceJob<ExportParams, ExportCursor, ExportResult>(ctx.db, id, {
    nowMs: ctx.now().getTime(), at: toChinaIsoMs(ctx.now()), budgetMs, ...(created ? { created } : {}),
    async chunk(job, budget) {
      if (job.cursor.slot < job.params.slots.length) {
        worked = true
        return storePart(ctx, job, budget)
      }
      if (worked && budget.left() < ASSEMBLE_MIN_MS + job.done * ASSEMBLE_MS_PER_ROW) return 'later'
      return { done: 0, cursor: job.cursor, total: job.done, result: await assemble(ctx, job) }
    },
  }))
}

const ABANDONED = '导出一天内未完成，中间文件已按规定删除，请重新导出'

/**
 * Export jobs older than `before` whose stored parts (personal data) are still there: an unfinished job
 * (abandoned, or failed) loses them and is marked failed; a done one whose tidying failed loses them.
 * One batch of up to 20 jobs; `removed` counts the unfinished ones.
 */
export async function removeAbandonedExports(ctx: Ctx, before: string): Promise<{ removed: number; more: boolean }> {
  const _ = ctx.db.command
  const jobs = await getDocs<Pick<ExportDoc, '_id' | 'cursor' | 'state'>>(
    ctx.db.collection(COLLECTIONS.jobs).where({ kind: EXPORT_KIND, createdAt: _.lt(before), partsRemovedAt: _.exists(false) })
      .field({ _id: true, cursor: true, state: true }).orderBy('createdAt', 'asc').limit(20),
  )
  for (const job of jobs) await deleteParts(job.cursor.parts)
  const at = toChinaIsoMs(ctx.now())
  const unfinished = jobs.filter((j) => j.state !== 'done').map((j) => j._id)
  const done = jobs.filter((j) => j.state === 'done').map((j) => j._id)
  if (unfinished.length > 0) {
    await ctx.db.collection(COLLECTIONS.jobs).where({ _id: _.in(unfinished), leaseUntil: _.lt(ctx.now().getTime()) })
      .update({ data: { state: 'failed', reason: ABANDONED, partsRemovedAt: at } })
  }
  if (done.length > 0) await ctx.db.collection(COLLECTIONS.jobs).where({ _id: _.in(done) }).update({ data: { partsRemovedAt: at } })
  return { removed: unfinished.length, more: jobs.length === 20 }
}

async function link(fileID: string): Promise<string | null> {
  const temp = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: EXPORT_LINK_SECONDS }] })) as { fileList?: Array<{ tempFileURL?: string }> }
  return temp.fileList?.[0]?.tempFileURL || null
}

async function view(job: ExportDoc): Promise<ExportJob> {
  const out: ExportJob = { ...progressOf(job), fileName: job.params.fileName, masked: job.params.masked, createdAt: job.createdAt }
  if (job.state === 'done' && job.result) {
    const url = await link(job.result.fileID)
    const file: ExportFile = { fileID: job.result.fileID, url: url ?? '', fileName: job.params.fileName, rows: job.result.rows, masked: job.params.masked }
    if (url) out.file = file
    else out.error = '文件已按规定删除（导出一天后），请重新导出'
  }
  return out
}

export async function exportSignups(input: Api['clinicAdmin']['exportSignups']['parsed'], ctx: Ctx): Promise<Result<ExportJob>> {
  const auth = await requireStaff(ctx)
  if (!auth.ok) return auth
  const slots = await slotsOf(ctx, input)
  const venueId = input.venueId ?? slots[0]?.venueId
  if (!venueId) return fail('NOT_FOUND', '没有找到这个场次，请返回重新选择')
  const allowed = allowVenue(auth.member, venueId)
  if (!allowed.ok) return allowed
  const counted = (await ctx.db.collection(COLLECTIONS.clinicSignups).where(input.slotId ? { slotId: input.slotId } : { venueId }).count()) as { total?: number }
  const venueName = slots[0]?.venueName ?? venueId
  const fileName = exportFileName(venueName, input.slotId ? slots[0] : undefined)
  const params: ExportParams = {
    target: input.slotId ?? `venue:${venueId}`, masked: auth.member.role !== 'organiser', fileName, folder: exportFolder(),
    slots: orderSlots(slots).map(({ _id, title, date, startTime, endTime }) => ({ _id, title, date, startTime, endTime })),
    actor: { openid: auth.member.openid, displayName: auth.member.displayName },
  }
  const created = await createJob<ExportParams, ExportCursor, ExportResult>(ctx.db, {
    kind: EXPORT_KIND, owner: ctx.openid, venueId, params, total: counted.total ?? 0, cursor: { slot: 0, createdAt: '', id: '', parts: [] },
  }, toChinaIsoMs(ctx.now()))
  return ok(await view((await advanceExport(ctx, created._id, exportBudgetMs(), created)) ?? created))
}

/** The caller's own export job (by id, or the latest), advanced by one call's budget while unfinished. */
export async function exportStatus(input: Api['clinicAdmin']['exportStatus']['parsed'], ctx: Ctx): Promise<Result<ExportJob | null>> {
  const auth = await requireStaff(ctx)
  if (!auth.ok) return auth
  const job = input.jobId
    ? await readJob<ExportParams, ExportCursor, ExportResult>(ctx.db, input.jobId)
    : await getFirst<ExportDoc>(ctx.db.collection(COLLECTIONS.jobs).where({ owner: ctx.openid, kind: EXPORT_KIND }).orderBy('createdAt', 'desc').limit(1))
  if (!job || job.kind !== EXPORT_KIND) return input.jobId ? fail('NOT_FOUND', '没有找到这个导出任务，请重新导出') : ok(null)
  const allowed = allowVenue(auth.member, job.venueId ?? '')
  if (!allowed.ok) return allowed
  if (job.owner !== ctx.openid) return fail('FORBIDDEN', '只能查看自己发起的导出，请自己导出一次')
  const current = job.state === 'queued' || job.state === 'running' ? ((await advanceExport(ctx, job._id)) ?? job) : job
  return ok(await view(current))
}
