// Casting a vote: the voting window (China time), the work (published, of this selection: known to the
// instance for a minute, read otherwise), the limits and retry-safety (one conditional write on the
// voter's ledger, see ballots.ts), then the work's count — a conditional increment that only a published
// work of this selection accepts. A refused vote writes nothing. Accepted vote on a warm instance: 2
// database requests; up to 4 when the instance knows neither the work nor the voter's ledger.
// A crash between the claim and the increment leaves the count one short: recount.ts repairs it.
import type { VoteResult } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaDate } from '../core/china-time'
import type { Ctx } from '../core/context'
import { getFirst, updated } from '../core/db'
import { claimVote, releaseVote } from './ballots'
import { SELECTION_NOT_FOUND, loadSelection, voteClosedReason } from '../shared/selection-config'
import { requireSignedIn } from '../shared/staff-roles'
import { worksOf } from './works'

/** Works this instance saw published recently: workId → selectionId and when it was read. */
const VOTABLE = new Map<string, { selectionId: string; at: number }>()
const VOTABLE_MS = 60_000
const MAX_VOTABLE = 20_000

async function isVotable(ctx: Ctx, selectionId: string, workId: string): Promise<boolean> {
  const hit = VOTABLE.get(workId)
  if (hit && Date.now() - hit.at < VOTABLE_MS) return hit.selectionId === selectionId
  const work = await getFirst<{ selectionId: string; status: string }>(worksOf(ctx.db).where({ _id: workId }).field({ selectionId: true, status: true }).limit(1))
  if (!work || work.status !== 'published') return false
  if (VOTABLE.size >= MAX_VOTABLE) VOTABLE.clear()
  VOTABLE.set(workId, { selectionId: work.selectionId, at: Date.now() })
  return work.selectionId === selectionId
}

export const NOT_VOTABLE = '这件作品目前不能投票（还在审核、已冻结或已撤回），请返回作品列表为其他作品投票'

export async function castVote(input: { selectionId: string; workId: string; requestId: string }, ctx: Ctx): Promise<Result<VoteResult>> {
  const denied = requireSignedIn(ctx)
  if (denied) return denied
  const selection = await loadSelection(ctx.db, input.selectionId, { cached: true })
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  const now = ctx.now()
  const closed = voteClosedReason(selection, now)
  if (closed) return fail('FORBIDDEN', closed)

  if (!(await isVotable(ctx, selection._id, input.workId))) return fail('FORBIDDEN', NOT_VOTABLE)

  const day = chinaDate(now)
  const claim = await claimVote(ctx.db, selection, ctx.openid, input.workId, input.requestId, now, day)
  if (claim === 'duplicate') return ok({ workId: input.workId, status: 'already_counted' })
  if (claim === 'limit_day') {
    return fail('RATE_LIMITED', `今天的 ${selection.limits.perDay} 票已经投完了，北京时间明天 0 点后可以继续投票`)
  }
  if (claim === 'limit_work') {
    return fail('RATE_LIMITED', `今天已为这件作品投过 ${selection.limits.perWorkPerDay} 票，明天再来支持吧，也可以为其他作品投票`)
  }
  const _ = ctx.db.command
  const counted = await updated(
    worksOf(ctx.db).where({ _id: input.workId, selectionId: selection._id, status: 'published' }).update({ data: { votes: _.inc(1) } }),
  )
  if (!counted) {
    VOTABLE.delete(input.workId)
    await releaseVote(ctx.db, selection._id, ctx.openid, input.workId, input.requestId, day)
    return fail('FORBIDDEN', NOT_VOTABLE)
  }
  return ok({ workId: input.workId, status: 'counted' })
}
