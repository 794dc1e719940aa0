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
  figuresOf, slotFiguresId, STATE_ID, venueFiguresId, type Counts, type FiguresState, type SlotFigures, type VenueFigures,
} from '../shared/clinic-figures'

const MINUTE = 60_000
/** How far behind now a run's cutoff stays, so that writes stamped before it have landed. */
export const figuresTimer = { settleMs: 2 * MINUTE, leaseMs: 5 * MINUTE }
/** Touched slots recounted per aggregate. */
const SLOTS_PER_PASS = 100
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

/** The slots (with their venue) of the sign-ups stamped in [from, to); from 0 means from the start. */
async function touchedSlots(ctx: Ctx, from: number, to: number): Promise<Map<string, string>> {
  const _ = ctx.db.command
  const before = _.lt(toChinaIso(new Date(to)))
  const res = (await ctx.db.collection(COLLECTIONS.clinicSignups).aggregate()
    .match({ updatedAt: from > 0 ? _.gte(toChinaIso(new Date(from))).and(before) : before })
    .group({ _id: { s: '$slotId', v: '$venueId' } })
    .limit(1_000_000)
    .end()) as { list?: Array<{ _id: { s: string; v: string } }> }
  return new Map((res.list ?? []).map((g) => [g._id.s, g._id.v]))
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

/** One run: folds the sign-ups changed since the cutoff into the figures and moves the cutoff. */
export async function advanceFigures(ctx: Ctx): Promise<FiguresRun> {
  const nowMs = ctx.now().getTime()
  const end = Math.floor((nowMs - figuresTimer.settleMs) / MINUTE) * MINUTE
  const seen = await getFirst<FiguresState>(figuresOf(ctx.db).where({ _id: STATE_ID }).limit(1))
  const at = (upTo: number | undefined) => (upTo ? toChinaIso(new Date(upTo)) : null)
  if (seen && seen.upTo >= end) return { upTo: at(seen.upTo), slots: 0, venues: 0, busy: false }
  const runId = randomUUID()
  const state = await claim(ctx, seen, runId, nowMs)
  if (!state) return { upTo: at(seen?.upTo), slots: 0, venues: 0, busy: true }

  const touched = await touchedSlots(ctx, state.upTo, end)
  const slotIds = [...touched.keys()]
  const slotDocs: SlotFigures[] = []
  for (let i = 0; i < slotIds.length; i += SLOTS_PER_PASS) {
    const counts = await recount(ctx, slotIds.slice(i, i + SLOTS_PER_PASS))
    for (const [slotId, c] of counts) slotDocs.push({ _id: slotFiguresId(slotId), kind: 'slot', slotId, venueId: touched.get(slotId) ?? '', ...c })
  }
  await writeAll(ctx, slotDocs)

  const venueIds = [...new Set(touched.values())]
  const venues = new Map(venueIds.map((v) => [v, emptyCounts()]))
  if (venueIds.length > 0) for (const slot of await slotFiguresOf(ctx, venueIds)) add(venues.get(slot.venueId) ?? emptyCounts(), slot)
  await writeAll(ctx, [...venues].map(([venueId, c]): VenueFigures => ({ _id: venueFiguresId(venueId), kind: 'venue', venueId, ...c })))

  const moved = await updated(figuresOf(ctx.db).where({ _id: STATE_ID, leaseBy: runId }).update({ data: { upTo: end, leaseUntil: 0 } }))
  if (moved !== 1) throw new Error('clinic figures: the run lost its lease before moving the cutoff')
  return { upTo: at(end), slots: slotDocs.length, venues: venueIds.length, busy: false }
}

export async function refreshFigures(_input: Api['clinicAdmin']['refreshFigures']['parsed'], ctx: Ctx): Promise<Result<FiguresRun>> {
  if (ctx.trigger !== 'timer') {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
  }
  return ok(await advanceFigures(ctx))
}
