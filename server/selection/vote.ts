// Casting a vote: the voting window (China time), the limits and retry-safety (one conditional write on
// the voter's ledger, see ballots.ts), then the work's count — a conditional increment that only a
// published work of this selection accepts. Accepted vote: 2 database requests (3 for a voter's first
// vote), the selection's configuration coming from the instance cache.
import type { VoteResult } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaDate } from '../core/china-time'
import type { Ctx } from '../core/context'
import { updated } from '../core/db'
import { claimVote, releaseVote } from './ballots'
import { SELECTION_NOT_FOUND, loadSelection, voteClosedReason } from './config'
import { requireSignedIn } from './roles'
import { worksOf } from './works'

export const NOT_VOTABLE = '这件作品目前不能投票（还在审核、已冻结或已撤回），请返回作品列表为其他作品投票'

export async function castVote(input: { selectionId: string; workId: string; requestId: string }, ctx: Ctx): Promise<Result<VoteResult>> {
  const denied = requireSignedIn(ctx)
  if (denied) return denied
  const selection = await loadSelection(ctx.db, input.selectionId, { cached: true })
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  const now = ctx.now()
  const closed = voteClosedReason(selection, now)
  if (closed) return fail('FORBIDDEN', closed)

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
    await releaseVote(ctx.db, selection._id, ctx.openid, input.workId, input.requestId, day)
    return fail('FORBIDDEN', NOT_VOTABLE)
  }
  return ok({ workId: input.workId, status: 'counted' })
}
