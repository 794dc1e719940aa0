// Pre-aggregated vote-watch cells, so the organiser's watch costs the same at 1,000 and 1,000,000 votes.
// One document per selection and hour (`selectionWatch`, `<selection>_h<epoch ms>`): for each work, its
// valid votes per minute and how many came from accounts first seen that China day, flat as
// [minute of the hour, votes, new-account votes, ...]. A document covers the votes stamped from its
// hour's start up to `upTo` (a whole minute); the watch reads only these and says up to when they count.
//
// Kept by the `selectionRecount` timer (advanceWatch): each run recomputes outright the hours from its
// last cutoff to now − SETTLE_MS (a vote's record lands with its claim, within seconds of its stamp, so
// nothing stamped before the cutoff arrives later), a ledger chunk at a time within watchTimer.budgetMs;
// a pass's partial cells and a backlog are continued by the next run. A void changes past hours: it bumps their `dv`, then rewrites its work's
// cells (refreshWatchStep, a ledger chunk per step so a void's finishing spans calls at 1,000,000 votes). The timer writes an hour only if its `dv` is unchanged since it read it, so
// an aggregation that ran before the void's marks never overwrites the void's recount. An hour the
// timer has not written yet gets an empty marker (covers nothing) so that its later first write is
// checked the same way. Every write bumps `rv`, so a write that changes nothing still reports its match.
import type { DB } from 'wx-server-sdk'
import type { Selection } from '../../src/contract/selection'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, isDuplicateKey, updated } from '../core/db'
import { scanChunk, scanLedgers, type Pipeline } from './ledger-scan'

export const MINUTE = 60_000
export const HOUR = 3_600_000
/** Hours aggregated per ledger pass of the timer (a pass costs a scan of the ledgers however many hours it covers). */
const HOURS_PER_PASS = 24
/** Work the timer does per run on the watch before leaving the rest to the next run (tests cap the chunks). */
export const watchTimer = { budgetMs: 3000, settleMs: 2 * 60_000, chunksPerRun: Number.POSITIVE_INFINITY }

export interface HourDoc {
  _id: string
  selectionId: string
  h: number
  upTo: number
  dv: number
  c: Record<string, number[]>
}

/** Valid votes of one work in one minute (epoch minute number), and those from new accounts. */
export interface Cell {
  w: string
  m: number
  n: number
  f: number
}

export const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit
export const watchOf = (db: DB.Database) => db.collection(COLLECTIONS.selectionWatch)
const hourId = (selectionId: string, h: number) => `${selectionId}_h${h}`
const stateId = (selectionId: string) => `${selectionId}_state`

type CellGroup = { _id: { w: string; m: number }; n: number; f: number }

const cellStages = (db: DB.Database, from: number, to: number, workId?: string) => (p: Pipeline): Pipeline => {
  const _ = db.command
  const $ = _.aggregate
  const one = workId ? { 'votes.w': workId } : {}
  return p
    .unwind('$votes')
    .match({ 'votes.t': _.gte(from).and(_.lt(to)), 'votes.v': _.exists(false), ...one })
    .project({ w: '$votes.w', m: $.floor($.divide(['$votes.t', MINUTE])), f: $.cond({ if: $.eq(['$votes.d', '$firstDay']), then: 1, else: 0 }) })
    .group({ _id: { w: '$w', m: '$m' }, n: $.sum(1), f: $.sum('$f') })
    .limit(1_000_000)
}

function mergeCells(into: Cell[], groups: CellGroup[]): Cell[] {
  const merged = new Map<string, Cell>(into.map((c) => [`${c.w}|${c.m}`, { ...c }]))
  for (const g of groups) {
    const key = `${g._id.w}|${g._id.m}`
    const seen = merged.get(key)
    if (seen) {
      seen.n += g.n
      seen.f += g.f
    } else merged.set(key, { w: g._id.w, m: g._id.m, n: g.n, f: g.f })
  }
  return [...merged.values()]
}

/** Cells of the valid votes stamped in [from, to) (of one work when given), merged over ledger chunks. */
async function cellsOf(db: DB.Database, selectionId: string, from: number, to: number, workId?: string): Promise<Cell[]> {
  if (from >= to) return []
  const range = db.command.gte(from).and(db.command.lt(to))
  const groups = await scanLedgers<CellGroup>(db, selectionId, { t: db.command.gte(from), 'votes.t': range, ...(workId ? { 'votes.w': workId } : {}) }, cellStages(db, from, to, workId))
  return mergeCells([], groups)
}

/** The flat per-work arrays of one hour's cells (minutes before `upTo`). */
function packHour(cells: Cell[], h: number, upTo: number): Record<string, number[]> {
  const c: Record<string, number[]> = {}
  for (const cell of cells) {
    const t = cell.m * MINUTE
    if (t < h || t >= upTo) continue
    ;(c[cell.w] ??= []).push((t - h) / MINUTE, cell.n, cell.f)
  }
  return c
}

/** Cells stored in a document, back as epoch-minute cells. */
export function unpackHour(doc: Pick<HourDoc, 'h' | 'c'>): Cell[] {
  const out: Cell[] = []
  for (const [w, flat] of Object.entries(doc.c ?? {})) {
    for (let i = 0; i + 2 < flat.length; i += 3) out.push({ w, m: doc.h / MINUTE + (flat[i] ?? 0), n: flat[i + 1] ?? 0, f: flat[i + 2] ?? 0 })
  }
  return out
}

async function hourDocs(db: DB.Database, selectionId: string, from: number, to: number, fields: Record<string, boolean>): Promise<HourDoc[]> {
  const _ = db.command
  const out: HourDoc[] = []
  for (let h = from; h < to; h += 1000 * HOUR) {
    out.push(...await getDocs<HourDoc>(watchOf(db).where({ selectionId, h: _.gte(h).and(_.lt(Math.min(to, h + 1000 * HOUR))) }).field(fields).limit(1000)))
  }
  return out
}

/** Writes hour `h` computed from `cells` if no void changed it since `dv` was read; false when it did. */
async function writeHour(db: DB.Database, selectionId: string, h: number, upTo: number, cells: Cell[], dv: number | undefined): Promise<boolean> {
  const c = packHour(cells, h, upTo)
  if (dv !== undefined) return (await updated(watchOf(db).where({ _id: hourId(selectionId, h), dv }).update({ data: { upTo, c: db.command.set(c), rv: db.command.inc(1) } }))) === 1
  try {
    await watchOf(db).add({ data: { _id: hourId(selectionId, h), selectionId, h, upTo, dv: 0, c } })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** Writes the hours of [start, end) from `cells` (start on an hour), each if its `dv` is still the one read before counting. */
async function writeHours(db: DB.Database, selectionId: string, start: number, end: number, cells: Cell[], dvs: Map<number, number>): Promise<void> {
  const hours: number[] = []
  for (let h = start; h < end; h += HOUR) hours.push(h)
  await Promise.all(hours.map(async (h) => {
    const upTo = Math.min(h + HOUR, end)
    if (await writeHour(db, selectionId, h, upTo, cells, dvs.get(h))) return
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const doc = await getFirst<HourDoc>(watchOf(db).where({ _id: hourId(selectionId, h) }).field({ dv: true }).limit(1))
      if (await writeHour(db, selectionId, h, upTo, await cellsOf(db, selectionId, h, upTo), doc?.dv)) return
    }
    throw new Error(`vote-watch hour ${h} of ${selectionId} kept changing`)
  }))
}

/** A pass over the ledgers for the hours of [start, end), continued chunk by chunk across runs. */
interface WatchPass {
  start: number
  end: number
  /** The last ledger _id aggregated ('' before the first chunk). */
  after: string
  /** Each hour's `dv` read before the first chunk: [h, dv]. */
  dvs: Array<[number, number]>
  /** The cells so far, per work flat as [epoch minute, votes, new-account votes, ...]. */
  cells: Record<string, number[]>
}

const packCells = (cells: Cell[]): Record<string, number[]> => {
  const out: Record<string, number[]> = {}
  for (const c of cells) (out[c.w] ??= []).push(c.m, c.n, c.f)
  return out
}

const unpackCells = (packed: Record<string, number[]>): Cell[] =>
  Object.entries(packed).flatMap(([w, flat]) => {
    const out: Cell[] = []
    for (let i = 0; i + 2 < flat.length; i += 3) out.push({ w, m: flat[i] ?? 0, n: flat[i + 1] ?? 0, f: flat[i + 2] ?? 0 })
    return out
  })

export interface WatchAdvance {
  hours: number
  upTo: number
  caughtUp: boolean
  /** The slowest ledger chunk of this step (ms), for the caller's own deadline checks. */
  slowest: number
}

/**
 * One timer step for a selection's watch: the hours from its last cutoff on, a ledger chunk at a time
 * while the slowest chunk so far still fits before `deadline` (the pass's partial cells are saved after each chunk, so a pass spans runs at
 * 1,000,000 votes), each pass's hours written when its last chunk is in.
 */
export async function advanceWatch(ctx: Ctx, selection: Selection, deadline: number): Promise<WatchAdvance> {
  const id = stateId(selection._id)
  const state = await getFirst<{ upTo: number; pass?: WatchPass }>(watchOf(ctx.db).where({ _id: id }).limit(1))
  const voteEnd = Math.ceil(Date.parse(selection.windows.voteUntil) / MINUTE) * MINUTE
  const end = Math.min(floorTo(ctx.now().getTime() - watchTimer.settleMs, MINUTE), voteEnd)
  let upTo = state?.upTo ?? floorTo(Date.parse(selection.windows.voteFrom), HOUR)
  let pass: WatchPass | null = state?.pass ?? null
  let hours = 0
  let slowest = 0
  for (let chunks = 0; Date.now() + slowest < deadline && chunks < watchTimer.chunksPerRun; chunks += 1) {
    const began = Date.now()
    if (!pass) {
      if (upTo >= end) break
      const start = floorTo(upTo, HOUR)
      const passEnd = Math.min(end, start + HOURS_PER_PASS * HOUR)
      const dvs = (await hourDocs(ctx.db, selection._id, start, passEnd, { h: true, dv: true })).map((d): [number, number] => [d.h, d.dv])
      pass = { start, end: passEnd, after: '', dvs, cells: {} }
    }
    const range = ctx.db.command.gte(pass.start).and(ctx.db.command.lt(pass.end))
    const chunk = await scanChunk<CellGroup>(ctx.db, selection._id, { t: ctx.db.command.gte(pass.start), 'votes.t': range }, cellStages(ctx.db, pass.start, pass.end), pass.after === '' ? undefined : pass.after)
    slowest = Math.max(slowest, Date.now() - began)
    const cells = mergeCells(unpackCells(pass.cells), chunk.rows)
    if (chunk.last !== null) {
      pass = { ...pass, after: chunk.last, cells: packCells(cells) }
      await watchOf(ctx.db).doc(id).set({ data: { selectionId: selection._id, upTo, pass } })
      continue
    }
    await writeHours(ctx.db, selection._id, pass.start, pass.end, cells, new Map(pass.dvs))
    hours += Math.ceil((pass.end - pass.start) / HOUR)
    upTo = pass.end
    pass = null
    await watchOf(ctx.db).doc(id).set({ data: { selectionId: selection._id, upTo } })
  }
  return { hours, upTo, caughtUp: upTo >= end && !pass, slowest }
}

/**
 * Rewriting one work's cells in the hours of a void, continued across calls: the hours' `dv` and `upTo`
 * as read after the bump, the ledger cursor ('' before the first chunk) and the work's cells so far.
 */
export interface WatchRefresh {
  start: number
  end: number
  hours: Array<[number, number, number]>
  after: string
  cells: Record<string, number[]>
  attempt: number
}

async function refreshHours(ctx: Ctx, selectionId: string, start: number, end: number, attempt: number): Promise<WatchRefresh> {
  const docs = await hourDocs(ctx.db, selectionId, start, end, { h: true, dv: true, upTo: true })
  return { start, end, hours: docs.filter((d) => d.upTo > d.h).map((d): [number, number, number] => [d.h, d.dv, d.upTo]), after: '', cells: {}, attempt }
}

/**
 * One step of rewriting `workId`'s cells after a void of its votes in [from, to): the first step
 * invalidates the hours concerned for a concurrent timer pass (dv bump) and marks the hours the timer has
 * not written; each later step aggregates one ledger chunk; the last writes the work's cells in each hour
 * whose dv and upTo are unchanged (an hour changed meanwhile is read and counted again). Answers the state
 * to continue from, or null when done.
 */
export async function refreshWatchStep(ctx: Ctx, selection: Selection, workId: string, from: number, to: number, state: WatchRefresh | undefined): Promise<WatchRefresh | null> {
  const _ = ctx.db.command
  if (!state) {
    const start = floorTo(Math.max(from, Date.parse(selection.windows.voteFrom)), HOUR)
    const end = Math.min(to, ctx.now().getTime() + MINUTE)
    if (start >= end) return null
    await watchOf(ctx.db).where({ selectionId: selection._id, h: _.gte(start).and(_.lt(end)) }).update({ data: { dv: _.inc(1) } })
    const known = new Set((await hourDocs(ctx.db, selection._id, start, end, { h: true })).map((d) => d.h))
    const missing: number[] = []
    for (let h = start; h < end; h += HOUR) if (!known.has(h)) missing.push(h)
    for (let i = 0; i < missing.length; i += 16) {
      await Promise.all(missing.slice(i, i + 16).map((h) => writeHour(ctx.db, selection._id, h, h, [], undefined)))
    }
    return refreshHours(ctx, selection._id, start, end, 0)
  }
  if (state.hours.length === 0) return null
  const scanEnd = Math.max(...state.hours.map(([, , upTo]) => upTo))
  const range = _.gte(state.start).and(_.lt(scanEnd))
  const chunk = await scanChunk<CellGroup>(ctx.db, selection._id, { t: _.gte(state.start), 'votes.t': range, 'votes.w': workId }, cellStages(ctx.db, state.start, scanEnd, workId), state.after === '' ? undefined : state.after)
  const cells = mergeCells(unpackCells(state.cells), chunk.rows)
  if (chunk.last !== null) return { ...state, after: chunk.last, cells: packCells(cells) }
  const writes = await Promise.all(state.hours.map(async ([h, dv, upTo]) => {
    const flat = packHour(cells, h, upTo)[workId]
    return updated(watchOf(ctx.db).where({ _id: hourId(selection._id, h), dv, upTo }).update({ data: { [`c.${workId}`]: flat ? _.set(flat) : _.remove(), rv: _.inc(1) } }))
  }))
  if (writes.every((n) => n === 1)) return null
  if (state.attempt >= 3) throw new Error(`vote-watch hours of ${workId} kept changing`)
  return refreshHours(ctx, selection._id, state.start, state.end, state.attempt + 1)
}
