// Upload tickets: a work may reference only files its author uploaded for it. Before each upload the
// client asks `uploadTicket` for a random storage path (`uploads/<32 hex>.<ext>`: no openid, nothing
// guessable), recorded in selectionUploads with its owner, kind, declared size and `used: false`; in
// WeChat it then uploads there with wx.cloud.uploadFile, locally the gateway writes there. `submit`
// accepts only fileIDs of the caller's own tickets of the right kind, not used by another work, and
// marks them used by the work. A file not uploaded through a ticket (an export, another resident's
// photo, a share code) cannot be submitted.
//
// Quota: each ticket takes one file and its declared bytes from the caller's counter for the China day
// (selectionUploadQuota, _id `<day>_<openid>`), in one conditional increment that refuses past
// UPLOAD_QUOTA — so concurrent requests can never exceed it. Purge (timer `selectionUploadsPurge`,
// hourly): tickets no work uses are removed with their files a day after they were issued, and
// counters of past days are dropped.
import { randomBytes } from 'node:crypto'
import { UPLOAD_QUOTA, WORK_LIMITS, isVideoExt, type UploadExt } from '../../src/contract/selection'
import type { UploadPurgeRun, UploadTicket } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { addChinaDays, chinaDate, toChinaIsoMs } from '../core/china-time'
import { cloud } from '../core/cloud'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, isDuplicateKey, updated } from '../core/db'
import { requireOrganiser, requireSignedIn } from '../shared/staff-roles'
import { worksOf } from './works'

export const ORPHAN_MS = 24 * 3600 * 1000
/** A ticket must be used by a work well before the purge may take it. */
const USABLE_MS = 20 * 3600 * 1000
/** The local gateway accepts the bytes of a ticket for this long after it was issued. */
export const TICKET_UPLOAD_MS = 3600 * 1000
const MB = 1024 * 1024
/** cloud.deleteFile takes at most 50 files per call. */
const PURGE_BATCH = 50
const PURGE_MAX_BATCHES = 20

export type UploadKind = 'image' | 'video'

export interface UploadDoc {
  _id: string
  cloudPath: string
  owner: string
  kind: UploadKind
  ext: UploadExt
  /** Declared size in bytes (the local gateway refuses more). */
  size: number
  day: string
  /** Epoch ms when the ticket was issued. */
  t: number
  at: string
  used: boolean
  /** The work that uses the file, once submitted. */
  workId?: string
  /** Set by the local gateway when it stored the file. */
  fileID?: string
}

interface QuotaDoc {
  _id: string
  files: number
  bytes: number
}

const uploadsOf = (ctx: Ctx) => ctx.db.collection(COLLECTIONS.selectionUploads)
const quotaOf = (ctx: Ctx) => ctx.db.collection(COLLECTIONS.selectionUploadQuota)
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`

const FILES_REFUSAL = `今天已上传 ${UPLOAD_QUOTA.filesPerDay} 个文件，达到每人每天的上限，请北京时间明天 0 点后再上传`
const bytesRefusal = (size: number) =>
  `今天上传的文件已接近每人每天 ${mb(UPLOAD_QUOTA.bytesPerDay)} 的上限，这个 ${mb(size)} 的文件放不下，请压缩后再上传，或北京时间明天 0 点后再试`

/** Takes one file of `size` bytes from the caller's counter for `day`; a refusal message when it would exceed the quota. */
async function takeQuota(ctx: Ctx, day: string, size: number): Promise<string | null> {
  const _ = ctx.db.command
  const id = `${day}_${ctx.openid}`
  const room = { files: _.lt(UPLOAD_QUOTA.filesPerDay), bytes: _.lte(UPLOAD_QUOTA.bytesPerDay - size) }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await updated(quotaOf(ctx).where({ _id: id, ...room }).update({ data: { files: _.inc(1), bytes: _.inc(size) } }))) return null
    try {
      await quotaOf(ctx).add({ data: { _id: id, day, owner: ctx.openid, files: 1, bytes: size } })
      return null
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
    const counter = await getFirst<QuotaDoc>(quotaOf(ctx).where({ _id: id }).limit(1))
    if (counter && counter.files >= UPLOAD_QUOTA.filesPerDay) return FILES_REFUSAL
    if (counter && counter.bytes + size > UPLOAD_QUOTA.bytesPerDay) return bytesRefusal(size)
  }
  throw new Error(`upload quota ${id} did not settle`)
}

export async function uploadTicket(input: { ext: UploadExt; size: number }, ctx: Ctx): Promise<Result<UploadTicket>> {
  const denied = requireSignedIn(ctx)
  if (denied) return denied
  const kind: UploadKind = isVideoExt(input.ext) ? 'video' : 'image'
  const max = kind === 'video' ? WORK_LIMITS.videoBytesMax : UPLOAD_QUOTA.photoBytesMax
  if (input.size > max) {
    const message = `${kind === 'video' ? '视频' : '照片'}超过 ${mb(max)}，请压缩后再上传`
    return fail('PAYLOAD_TOO_LARGE', message, [{ path: 'size', message }])
  }
  const now = ctx.now()
  const day = chinaDate(now)
  const refused = await takeQuota(ctx, day, input.size)
  if (refused) return fail('RATE_LIMITED', refused)
  const id = randomBytes(16).toString('hex')
  const cloudPath = `uploads/${id}.${input.ext}`
  const doc: UploadDoc = { _id: id, cloudPath, owner: ctx.openid, kind, ext: input.ext, size: input.size, day, t: now.getTime(), at: toChinaIsoMs(now), used: false }
  await uploadsOf(ctx).add({ data: doc })
  return ok({ ticket: id, cloudPath })
}

/** A fileID's storage path and ticket id, when it is a ticketed upload path. */
export function ticketOf(fileID: string): { id: string; cloudPath: string } | null {
  const match = /^cloud:\/\/[^/]+\/(uploads\/([0-9a-f]{32})\.[a-z0-9]+)$/.exec(fileID)
  return match?.[1] && match[2] ? { cloudPath: match[1], id: match[2] } : null
}

const NOT_UPLOADED_HERE = '有文件不是你在这里为作品上传的（只能提交自己刚上传的照片或视频），请重新上传后再提交'
const WRONG_KIND = '视频和封面的文件类型不对，请重新选择视频和封面后再提交'
const TOO_OLD = '有文件是一天前上传的，已经失效，请重新上传后再提交'
const USED_ELSEWHERE = '有文件已经用于你的另一件作品，每件作品请单独上传照片或视频'

export interface WorkFile {
  fileID: string
  kind: UploadKind
}

/** A refusal when any file is not the caller's own ticketed upload of that kind, free or already this work's. */
export async function checkUploads(ctx: Ctx, files: WorkFile[], workId: string): Promise<string | null> {
  const ids: string[] = []
  for (const file of files) {
    const ticket = ticketOf(file.fileID)
    if (!ticket) return NOT_UPLOADED_HERE
    ids.push(ticket.id)
  }
  const docs = new Map((await getDocs<UploadDoc>(uploadsOf(ctx).where({ _id: ctx.db.command.in(ids) }).limit(ids.length))).map((d) => [d._id, d]))
  for (const [i, file] of files.entries()) {
    const doc = docs.get(ids[i] as string)
    if (!doc || doc.owner !== ctx.openid || doc.cloudPath !== ticketOf(file.fileID)?.cloudPath) return NOT_UPLOADED_HERE
    if (doc.kind !== file.kind) return WRONG_KIND
    if (doc.used && doc.workId !== workId) return USED_ELSEWHERE
    if (!doc.used && ctx.now().getTime() - doc.t > USABLE_MS) return TOO_OLD
  }
  return null
}

/** Marks the files used by `workId` (after checkUploads); a refusal when another work took one meanwhile. */
export async function useUploads(ctx: Ctx, files: WorkFile[], workId: string): Promise<string | null> {
  const _ = ctx.db.command
  const ids = files.flatMap((f) => ticketOf(f.fileID)?.id ?? [])
  const marked = await updated(uploadsOf(ctx).where({ _id: _.in(ids), owner: ctx.openid, used: false }).update({ data: { used: true, workId } }))
  if (marked === ids.length) return null
  const docs = await getDocs<UploadDoc>(uploadsOf(ctx).where({ _id: _.in(ids) }).field({ _id: true, workId: true }).limit(ids.length))
  return docs.length === ids.length && docs.every((d) => d.workId === workId) ? null : USED_ELSEWHERE
}

/** The `cloud://<env>.<bucket>` part of this environment's fileIDs, learnt from one it already holds. */
let storageHost = ''
async function hostOf(ctx: Ctx): Promise<string> {
  if (storageHost) return storageHost
  const _ = ctx.db.command
  const hostIn = (fileID: string | undefined) => /^(cloud:\/\/[^/]+)\//.exec(fileID ?? '')?.[1] ?? ''
  const stored = await getFirst<{ fileID?: string }>(uploadsOf(ctx).where({ fileID: _.exists(true) }).field({ fileID: true }).limit(1))
  storageHost = hostIn(stored?.fileID)
  if (!storageHost) storageHost = hostIn((await getFirst<{ cover?: string }>(worksOf(ctx.db).where({ cover: _.exists(true) }).field({ cover: true }).limit(1)))?.cover)
  if (!storageHost) storageHost = hostIn((await cloud.uploadFile({ cloudPath: 'uploads/.host-probe', fileContent: Buffer.from('probe') })).fileID)
  return storageHost
}

async function deleteFiles(fileIDs: string[]): Promise<{ gone: Set<string>; missing: number }> {
  const res = (await cloud.deleteFile({ fileList: fileIDs })) as { fileList?: Array<{ fileID: string; status: number; code?: string; errMsg?: string }> }
  const gone = new Set<string>()
  let missing = 0
  for (const item of res.fileList ?? []) {
    if (item.status === 0) gone.add(item.fileID)
    else if (/NONEXIST|not exist/i.test(`${item.code ?? ''} ${item.errMsg ?? ''}`)) {
      gone.add(item.fileID)
      missing += 1
    }
  }
  return { gone, missing }
}

export async function purgeUploads(_input: Record<string, never>, ctx: Ctx): Promise<Result<UploadPurgeRun>> {
  if (ctx.trigger !== 'timer') {
    const role = await requireOrganiser(ctx)
    if (!role.ok) return role
  }
  const _ = ctx.db.command
  const now = ctx.now()
  const run: UploadPurgeRun = { removed: 0, missing: 0 }
  for (let round = 0; round < PURGE_MAX_BATCHES; round += 1) {
    const batch = await getDocs<UploadDoc>(
      uploadsOf(ctx).where({ used: false, t: _.lte(now.getTime() - ORPHAN_MS) }).field({ _id: true, cloudPath: true, fileID: true }).orderBy('t', 'asc').limit(PURGE_BATCH),
    )
    if (batch.length === 0) break
    const host = batch.every((d) => d.fileID) ? '' : await hostOf(ctx)
    const fileOf = new Map(batch.map((d) => [d._id, d.fileID ?? `${host}/${d.cloudPath}`]))
    const { gone, missing } = await deleteFiles([...fileOf.values()])
    const done = batch.filter((d) => gone.has(fileOf.get(d._id) as string)).map((d) => d._id)
    if (done.length > 0) await uploadsOf(ctx).where({ _id: _.in(done), used: false }).remove()
    run.removed += done.length - missing
    run.missing += missing
    if (done.length < batch.length || batch.length < PURGE_BATCH) break
  }
  await quotaOf(ctx).where({ day: _.lt(addChinaDays(chinaDate(now), -1)) }).remove()
  return ok(run)
}
