// refreshFigures: the `clinicFigures` timer (cloudfunctions/clinicAdmin/config.json, every 5 minutes) that
// keeps the clinic figures of 数据概览 and the attendance page (server/shared/clinic-figures.ts), in the
// manner of the vote watch's hourly documents (server/selection/watch-buckets.ts): each run takes the
// sign-ups changed since the saved cutoff and before now − SETTLE_MS, and moves the cutoff there.
//
// Every status change sets the sign-up's `updatedAt` (signup-store's transition, the insert of a new
// sign-up, the cancellation), so the records changed in [cutoff, end) name the slots touched (one
// aggregate over the `updatedAt` index: bounded by what changed, not by all sign-ups). The figures of
// only those slots are then recomputed OUTRIGHT from their records (one aggregate per 100 touched slots,
// grouped by slot, status and day of sign-up), and their venues' from the slots' figures. Recounting,
// never incrementing, is what makes a change of status move from the old count to the new one exactly
// once, whichever runs saw which state, and makes a run redone after a crash harmless; the price is
// reading the touched slots' records again, not a write per sign-up on the residents' paths (sign-up and
// cancellation keep their 2 and 4 requests).
//
// Nothing is missed: a record's `updatedAt` is stamped by its writer just before the write, and the
// clinic function's 10 s timeout ends every write long before SETTLE_MS has passed, so every record
// stamped before `end` is in the database when the run reads. A run holds the state by compare-and-set
// (lease LEASE_MS, well over the function's 60 s timeout), so two runs never interleave their writes.
//
// Bounded and resumable (a first run at a million sign-ups, or after the timer was down for a day, would
// not fit the 60 s limit in one go): a run that finds no catch-up under way lists the touched slots once,
// sorted by slot _id; when they take more than one chunk it saves the list (the `pending` document) and the
// catch-up in the state document (its cutoff, a cursor, done / total). A run recounts chunks of slots after
// the cursor (at most slotsPerPass slots and about recordsPerPass records changed before the cutoff),
// writes their figures and their venues', and saves the cursor with the lease's compare-and-set; it starts
// another chunk only while the slowest chunk so far still ends before its budget (at least one chunk a
// run, so it always moves on; a slot of more records than recordsPerPass is still one chunk).
// `upTo` moves to the catch-up's cutoff only once every listed slot is recounted. A run cut off between
// chunks loses only the chunk it was doing, which the next run (once the lease has expired) redoes from
// the saved cursor: figures are replaced, never added to, so nothing is counted twice. A record changed
// during a catch-up is stamped after its cutoff, so the next catch-up recounts its slot.
import { randomUUID } from 'node:crypto'
import type { Api } from '../../src/contract/api'
import type { FiguresRun } from '../../src/contract/clinic-admin'
import { ok, type Result } from '../../src/contract/result'
import { requireOrganiser } from '../core/auth'
import { toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, isDuplicateKey, updated } from '../core/db'
import {
  figuresOf, PENDING_ID, slotFiguresId, STATE_ID, venueFiguresId, type CatchUp, type Counts, type FiguresState, type PendingSlots, type SlotFigures,
  type VenueFigures,
} from '../shared/clinic-figures'
import { fits, runClock } from '../core/run-clock'

const MINUTE = 60_000
/**
 * settleMs: how far behind now a run's cutoff stays, so that writes stamped before it have landed.
 * budgetMs: no chunk is started unless the slowest one so far would end within this long of the run's
 * start (20 s of clinicAdmin's 60 s). A chunk recounts at most slotsPerPass slots and, past its first slot,
 * about recordsPerPass records changed before the cutoff. Tests lower them.
 */
export const figuresTimer = { settleMs: 2 * MINUTE, leaseMs: 5 * MINUTE, budgetMs: 20_000, slotsPerPass: 100, recordsPerPass: 20_000 }
/** Figure documents written at once. */
const PARALLEL_WRITES = 20

const emptyCounts = (): Counts => ({ n: {}, days: {} })

function add(into: Counts, from: Counts): void {
  for (const [k, v] of Object.entries(from.n)) into.n[k] = (into.n[k] ?? 0) + v
  for (const [k, v] of Object.entries(from.days)) into.days[k] = (into.days[k] ?? 0) + v
}

/** Claims the state for this run (compare-and-set on its lease); null when another run holds it. */
async function claim(ctx: Ctx, state: FiguresState | null, runId: string, nowMs: number): Promise<FiguresState | null> {
  const lease = { leaseBy: runId, leaseUntil: nowMs + figuresTimer.leaseMs }
  if (!state) {
    try {
      await figuresOf(ctx.db).add({ data: { _id: STATE_ID, kind: 'state', upTo: 0, ...lease } })
      return { _id: STATE_ID, kind: 'state', upTo: 0, ...lease }
    } catch (error) {
      if (isDuplicateKey(error)) return null
      throw error
    }
  }
  if (state.leaseUntil > nowMs) return null
  const where = { _id: STATE_ID, upTo: state.upTo, leaseBy: state.leaseBy, leaseUntil: state.leaseUntil }
  return (await updated(figuresOf(ctx.db).where(where).update({ data: lease }))) === 1 ? { ...state, ...lease } : null
}

/** The slots of the sign-ups stamped in [from, to) (from 0: from the start), sorted by _id: [slotId, venueId, records]. */
async function touchedSlots(ctx: Ctx, from: number, to: number): Promise<Array<[string, string, number]>> {
  const _ = ctx.db.command
  const before = _.lt(toChinaIso(new Date(to)))
  const res = (await ctx.db.collection(COLLECTIONS.clinicSignups).aggregate()
    .match({ updatedAt: from > 0 ? _.gte(toChinaIso(new Date(from))).and(before) : before })
    .group({ _id: { s: '$slotId', v: '$venueId' }, n: _.aggregate.sum(1) })
    .limit(1_000_000)
    .end()) as { list?: Array<{ _id: { s: string; v: string }; n: number }> }
  const slots = new Map<string, [string, string, number]>()
  for (const g of res.list ?? []) {
    const seen = slots.get(g._id.s)
    slots.set(g._id.s, [g._id.s, seen?.[1] ?? g._id.v, (seen?.[2] ?? 0) + g.n])
  }
  return [...slots.values()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
}

/** The figures of these slots, recounted from all their records. */
async function recount(ctx: Ctx, slotIds: string[]): Promise<Map<string, Counts>> {
  const _ = ctx.db.command
  const $ = _.aggregate
  const res = (await ctx.db.collection(COLLECTIONS.clinicSignups).aggregate()
    .match({ slotId: _.in(slotIds) })
    .group({ _id: { s: '$slotId', st: '$status', d: $.substr(['$createdAt', 0, 10]) }, n: $.sum(1) })
    .limit(1_000_000)
    .end()) as { list?: Array<{ _id: { s: string; st: string; d: string }; n: number }> }
  const out = new Map(slotIds.map((id) => [id, emptyCounts()]))
  for (const g of res.list ?? []) {
    const c = out.get(g._id.s)
    if (!c) continue
    add(c, { n: { [g._id.st]: g.n }, days: { [g._id.d]: g.n } })
  }
  return out
}

async function writeAll(ctx: Ctx, docs: Array<SlotFigures | VenueFigures>): Promise<void> {
  for (let i = 0; i < docs.length; i += PARALLEL_WRITES) {
    await Promise.all(docs.slice(i, i + PARALLEL_WRITES).map(({ _id, ...data }) => figuresOf(ctx.db).doc(_id).set({ data })))
  }
}

/** The slot figures of these venues, 1,000 a request by _id. */
async function slotFiguresOf(ctx: Ctx, venueIds: string[]): Promise<SlotFigures[]> {
  const _ = ctx.db.command
  const out: SlotFigures[] = []
  for (let after = '';;) {
    const page = await getDocs<SlotFigures>(figuresOf(ctx.db).where({ venueId: _.in(venueIds), kind: 'slot', _id: _.gt(after) }).orderBy('_id', 'asc').limit(1000))
    out.push(...page)
    const last = page[page.length - 1]
    if (page.length < 1000 || !last) return out
    after = last._id
  }
}

/** The next chunk of a catch-up: the listed slots after `after`, within slotsPerPass and (past the first) recordsPerPass. */
function nextChunk(slots: PendingSlots['slots'], after: string): PendingSlots['slots'] {
  const from = slots.findIndex(([slotId]) => slotId > after)
  if (from < 0) return []
  const chunk: PendingSlots['slots'] = []
  let records = 0
  for (const slot of slots.slice(from)) {
    if (chunk.length >= figuresTimer.slotsPerPass || (chunk.length > 0 && records + slot[2] > figuresTimer.recordsPerPass)) break
    chunk.push(slot)
    records += slot[2]
  }
  return chunk
}

/** Recounts a chunk's slots and then their venues' figures (from all their slots' figures); the venues written. */
async function recountChunk(ctx: Ctx, chunk: PendingSlots['slots']): Promise<string[]> {
  const venueOf = new Map(chunk.map(([slotId, venueId]) => [slotId, venueId]))
  const counts = await recount(ctx, chunk.map(([slotId]) => slotId))
  await writeAll(ctx, [...counts].map(([slotId, c]): SlotFigures => ({ _id: slotFiguresId(slotId), kind: 'slot', slotId, venueId: venueOf.get(slotId) ?? '', ...c })))
  const venueIds = [...new Set(venueOf.values())]
  const venues = new Map(venueIds.map((v) => [v, emptyCounts()]))
  for (const slot of await slotFiguresOf(ctx, venueIds)) add(venues.get(slot.venueId) ?? emptyCounts(), slot)
  await writeAll(ctx, [...venues].map(([venueId, c]): VenueFigures => ({ _id: venueFiguresId(venueId), kind: 'venue', venueId, ...c })))
  return venueIds
}

const LOST_LEASE = 'clinic figures: the run lost its lease before saving its progress'

/**
 * One run: continues the catch-up under way, or starts one over the sign-ups changed since the cutoff;
 * recounts chunks of its slots within the budget, saving the cursor after each, and moves the cutoff once
 * all are done.
 */
export async function advanceFigures(ctx: Ctx): Promise<FiguresRun> {
  const nowMs = ctx.now().getTime()
  const clock = runClock(Date.now() + figuresTimer.budgetMs)
  const end = Math.floor((nowMs - figuresTimer.settleMs) / MINUTE) * MINUTE
  const seen = await getFirst<FiguresState>(figuresOf(ctx.db).where({ _id: STATE_ID }).limit(1))
  const at = (upTo: number | undefined) => (upTo ? toChinaIso(new Date(upTo)) : null)
  const progress = (c: CatchUp | undefined) => (c ? { done: c.done, total: c.total } : null)
  if (seen && !seen.catchUp && seen.upTo >= end) return { upTo: at(seen.upTo), slots: 0, venues: 0, busy: false, catchUp: null }
  const runId = randomUUID()
  const state = await claim(ctx, seen, runId, nowMs)
  if (!state) return { upTo: at(seen?.upTo), slots: 0, venues: 0, busy: true, catchUp: progress(seen?.catchUp) }
  const _ = ctx.db.command
  const mine = () => figuresOf(ctx.db).where({ _id: STATE_ID, leaseBy: runId })

  let catchUp = state.catchUp
  let slots: PendingSlots['slots'] | null = null
  if (catchUp) {
    const pending = await getFirst<PendingSlots>(figuresOf(ctx.db).where({ _id: PENDING_ID }).limit(1))
    if (pending && pending.end === catchUp.end) slots = pending.slots
  }
  // A catch-up started by this run is saved (its list, then the state's progress) only if it outlasts its first chunk.
  let saved = Boolean(catchUp && slots)
  if (!catchUp || !slots) {
    slots = await touchedSlots(ctx, state.upTo, end)
    catchUp = { end, after: '', done: 0, total: slots.length }
  }

  let recounted = 0
  const venues = new Set<string>()
  for (;;) {
    const began = Date.now()
    const chunk = nextChunk(slots, catchUp.after)
    if (chunk.length > 0) for (const venueId of await recountChunk(ctx, chunk)) venues.add(venueId)
    recounted += chunk.length
    const after: string = chunk[chunk.length - 1]?.[0] ?? catchUp.after
    const done: number = catchUp.done + chunk.length
    clock.slowest = Math.max(clock.slowest, Date.now() - began)
    if (nextChunk(slots, after).length === 0) {
      if ((await updated(mine().update({ data: { upTo: catchUp.end, leaseUntil: 0, catchUp: _.remove() } }))) !== 1) throw new Error(LOST_LEASE)
      if (saved) await figuresOf(ctx.db).doc(PENDING_ID).remove()
      return { upTo: at(catchUp.end), slots: recounted, venues: venues.size, busy: false, catchUp: null }
    }
    const last = !fits(clock)
    const lease = last ? { leaseUntil: 0 } : {}
    if (!saved) {
      const pending: Omit<PendingSlots, '_id'> = { kind: 'pending', end: catchUp.end, slots }
      await figuresOf(ctx.db).doc(PENDING_ID).set({ data: pending })
    }
    const progressed = saved ? { 'catchUp.after': after, 'catchUp.done': done, ...lease } : { catchUp: _.set({ ...catchUp, after, done }), ...lease }
    if ((await updated(mine().update({ data: progressed }))) !== 1) throw new Error(LOST_LEASE)
    saved = true
    catchUp = { ...catchUp, after, done }
    if (last) break
  }
  return { upTo: at(state.upTo), slots: recounted, venues: venues.size, busy: false, catchUp: progress(catchUp) }
}

export async function refreshFigures(_input: Api['clinicAdmin']['refreshFigures']['parsed'], ctx: Ctx): Promise<Result<FiguresRun>> {
  if (ctx.trigger !== 'timer') {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
  }
  return ok(await advanceFigures(ctx))
}
