// Voiding votes (organisers): the accepted votes for one work in a period — optionally only those from
// accounts first seen that day — are marked void in their records with a reference to the audit entry
// that gives the written reason; then the work's counts are recomputed exactly from the records.
import { randomBytes } from 'node:crypto'
import type { VoidOutcome } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import type { Ctx } from '../core/context'
import { updated } from '../core/db'
import { writeAudit } from './audit'
import { ballotsOf, type Ledger } from './ballots'
import { SELECTION_NOT_FOUND, canVote, loadSelection } from './config'
import { applyCounts, recordCounts } from './counts'
import { requireOrganiser } from './roles'
import { WORK_GONE, workById } from './works'

const MAX_VOID = 5000
const PARALLEL = 16

interface Target {
  _id: string
  i: number
  k: string
  fresh: number
}

async function markLedger(ctx: Ctx, ledgerId: string, keys: string[], ref: string): Promise<number> {
  let items = keys.map((k) => ({ k, i: -1 }))
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const res = (await ballotsOf(ctx.db).where({ _id: ledgerId }).limit(1).get()) as { data?: Ledger[] }
    const votes = res.data?.[0]?.votes ?? []
    items = keys.map((k) => ({ k, i: votes.findIndex((v) => v.k === k && v.v === undefined) })).filter((x) => x.i >= 0)
    if (items.length === 0) return 0
    const where: Record<string, unknown> = { _id: ledgerId }
    const data: Record<string, unknown> = {}
    for (const { i, k } of items) {
      where[`votes.${i}.k`] = k
      data[`votes.${i}.v`] = 1
      data[`votes.${i}.r`] = ref
    }
    if (await updated(ballotsOf(ctx.db).where(where).update({ data }))) return items.length
  }
  throw new Error(`could not void votes in ${ledgerId}`)
}

export interface VoidInput {
  selectionId: string
  workId: string
  from: string
  to: string
  onlyNewAccounts: boolean
  reason: string
}

/** A refusal about the time range, placed on its field (`from`) so the form shows it beside the range. */
const rangeFail = (code: 'INVALID_INPUT' | 'NOT_FOUND', message: string) => fail(code, message, [{ path: 'from', message }])

export async function voidVotes(input: VoidInput, ctx: Ctx): Promise<Result<VoidOutcome>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const [selection, work] = await Promise.all([loadSelection(ctx.db, input.selectionId), workById(ctx.db, input.workId)])
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  if (!work || work.selectionId !== selection._id) return fail('NOT_FOUND', WORK_GONE)
  const [from, to] = [Date.parse(input.from), Date.parse(input.to)]
  if (from >= to) return rangeFail('INVALID_INPUT', '开始时间应早于结束时间')
  const _ = ctx.db.command
  const $ = _.aggregate
  let pipeline = ballotsOf(ctx.db).aggregate()
    .match({ selectionId: selection._id, 'votes.w': work._id })
    .unwind({ path: '$votes', includeArrayIndex: 'i' })
    .match({ 'votes.w': work._id, 'votes.t': _.gte(from).and(_.lt(to)), 'votes.v': _.exists(false) })
    .project({ i: 1, k: '$votes.k', fresh: $.cond({ if: $.eq(['$votes.d', '$firstDay']), then: 1, else: 0 }) })
  if (input.onlyNewAccounts) pipeline = pipeline.match({ fresh: 1 })
  const targets = ((await pipeline.limit(MAX_VOID + 1).end()) as { list?: Target[] }).list ?? []
  if (targets.length > MAX_VOID) return rangeFail('INVALID_INPUT', `一次最多作废 ${MAX_VOID} 票，请缩短时间范围后分批处理`)
  if (targets.length === 0) return rangeFail('NOT_FOUND', '这段时间内没有这件作品的有效投票，请调整时间范围')

  const ref = randomBytes(8).toString('hex')
  const byLedger = new Map<string, string[]>()
  for (const t of targets) byLedger.set(t._id, [...(byLedger.get(t._id) ?? []), t.k])
  const ledgers = [...byLedger.entries()]
  let voided = 0
  for (let i = 0; i < ledgers.length; i += PARALLEL) {
    const marked = await Promise.all(ledgers.slice(i, i + PARALLEL).map(([id, keys]) => markLedger(ctx, id, keys, ref)))
    voided += marked.reduce((a, b) => a + b, 0)
  }
  const exact = (await recordCounts(ctx.db, selection._id, work._id)).get(work._id) ?? { all: 0, voided: 0 }
  const counts = await applyCounts(ctx.db, work._id, exact, canVote(selection, ctx.now()))
  const auditId = await writeAudit(ctx, {
    action: 'votes.void', selectionId: selection._id, workId: work._id, reason: input.reason,
    detail: { ref, voided, voters: ledgers.length, from: input.from, to: input.to, onlyNewAccounts: input.onlyNewAccounts, votesAfter: counts.votes, voidedTotal: counts.voided },
  })
  return ok({ workId: work._id, voided, votes: counts.votes, voidedTotal: counts.voided, auditId })
}
