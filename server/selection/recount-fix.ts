// The fix phase of a recount pass (recount.ts): the works compared page by page with the pass's tally and
// brought to it by compare-and-set, leaving alone those voted on since the pass began or under a void.
import type { Ctx } from '../core/context'
import { toChinaIsoMs } from '../core/china-time'
import { getDocs, updated } from '../core/db'
import { voidingWorks } from './void'
import { worksOf } from './works'
import { fits, timed, type RunClock } from '../core/run-clock'
import {
  SETTLE_MS, recountPass, recentWorks, statesOf, touchedSince, type FullPass, type LastPass, type Recent, type RecountState, type RecountTally,
} from './recount-state'

const PAGE = 1000
const FIX_PARALLEL = 16

interface Counters {
  _id: string
  votes: number
  voided: number
}

const fixCounters = async (ctx: Ctx, work: Counters, target: { votes: number; voided: number }) =>
  (await updated(worksOf(ctx.db).where({ _id: work._id, votes: work.votes, voided: work.voided }).update({ data: target }))) === 1

/**
 * Compares works (in _id order, from the cursor) with the tally and fixes them, until the deadline. The
 * recently voted works (`carried` when this run read them already) and the void jobs are read only when a
 * work differs from the tally, and only if that read fits; otherwise the cursor stops before that work.
 */
export async function fixSome(ctx: Ctx, clock: RunClock, selectionId: string, state: RecountState, pass: FullPass, step: RecountTally, carried: Recent | null): Promise<boolean> {
  const _ = ctx.db.command
  const counters: Counters[] = []
  let end = false
  let after = pass.fixAfter
  if (pass.works) {
    const works = pass.works
    counters.push(...await timed(clock, () => getDocs<Counters>(worksOf(ctx.db).where({ _id: _.in(works), selectionId }).orderBy('_id', 'asc').field({ _id: true, votes: true, voided: true }).limit(PAGE))))
    end = true
  }
  for (let pages = 0; !end && pages < recountPass.fixPages && fits(clock); pages += 1) {
    const from = after
    const page = await timed(clock, () => getDocs<Counters>(
      worksOf(ctx.db).where({ selectionId, ...(from === '' ? {} : { _id: _.gt(from) }) }).orderBy('_id', 'asc').field({ _id: true, votes: true, voided: true }).limit(recountPass.fixPage),
    ))
    counters.push(...page)
    if (page.length < recountPass.fixPage) {
      end = true
      break
    }
    after = page[page.length - 1]?._id ?? after
  }
  const tally = state.tally ?? {}
  const targetOf = (work: Counters) => {
    const [all, voided] = tally[work._id] ?? [0, 0, 0]
    return { votes: all - voided, voided }
  }
  const differs = (work: Counters) => {
    const target = targetOf(work)
    return work.votes !== target.votes || work.voided !== target.voided
  }
  const since = pass.t0 - SETTLE_MS
  let busyWorks: Set<string> | null = null
  const done: RecountTally = { checked: 0, fixed: 0, busy: 0 }
  let fixAfter = pass.fixAfter
  let stalled = false
  let i = 0
  for (; i < counters.length && Date.now() < clock.deadline; i += FIX_PARALLEL) {
    const batch = counters.slice(i, i + FIX_PARALLEL)
    if (!busyWorks && batch.some(differs)) {
      if (carried && carried.since <= since) busyWorks = new Set(touchedSince(carried, since))
      else {
        const readsBefore = clock.reads
        const recent = await recentWorks(ctx, clock, selectionId, since)
        stalled = !recent && clock.reads > readsBefore
        if (!recent) break
        busyWorks = new Set(recent.works.keys())
      }
      if (!fits(clock)) break
      for (const w of await timed(clock, () => voidingWorks(ctx, selectionId, pass.t0))) busyWorks.add(w)
    }
    const busy = busyWorks ?? new Set<string>()
    await Promise.all(batch.map(async (work) => {
      done.checked += 1
      if (!differs(work)) return
      if (busy.has(work._id) || !(await fixCounters(ctx, work, targetOf(work)))) done.busy += 1
      else done.fixed += 1
    }))
    fixAfter = batch[batch.length - 1]?._id ?? fixAfter
  }
  const finished = end && i >= counters.length
  const stalls = stalled ? (pass.stalls ?? 0) + 1 : 0
  const where = statesOf(ctx).where({ _id: selectionId, 'pass.t0': pass.t0, 'pass.fixAfter': pass.fixAfter })
  if (stalls >= recountPass.maxStalls) {
    if ((await updated(where.update({ data: { pass: _.remove(), tally: _.remove() } }))) === 1) {
      delete state.pass
      delete state.tally
    }
    return false
  }
  if (done.checked === 0 && !finished) {
    if (stalls !== (pass.stalls ?? 0) && (await updated(where.update({ data: { 'pass.stalls': stalls } }))) === 1) pass.stalls = stalls
    return false
  }
  const totals = { checked: pass.checked + done.checked, fixed: pass.fixed + done.fixed, busy: pass.busy + done.busy }
  step.checked += done.checked
  step.fixed += done.fixed
  step.busy += done.busy
  if (!finished) {
    const saved = await updated(where.update({ data: { 'pass.fixAfter': fixAfter, 'pass.checked': totals.checked, 'pass.fixed': totals.fixed, 'pass.busy': totals.busy, 'pass.stalls': stalls } }))
    if (saved === 1) Object.assign(pass, { fixAfter, stalls }, totals)
    return false
  }
  const last: LastPass = { finishedAt: toChinaIsoMs(ctx.now()), ...totals, total: pass.total }
  const saved = await updated(where.update({ data: { upTo: Math.max(state.upTo, pass.t0 - SETTLE_MS), pass: _.remove(), tally: _.remove(), ...(pass.works ? {} : { last: _.set(last) }) } }))
  if (saved === 1) {
    delete state.pass
    delete state.tally
    if (!pass.works) state.last = last
  }
  return saved === 1
}
