// Image verdicts of security.mediaCheckAsync, arriving later as a `wxa_media_check` message push (or
// entered by an organiser when a push was lost). Each trace id is applied once: the first verdict for a
// pending check updates the work's counters; 'risky' takes the work down (a pending work is rejected, a
// published one frozen) with a reason the author sees. Trace ids are never given to clients, so a forged
// push cannot name a real check.
import { toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getFirst, updated } from '../core/db'
import { worksOf } from './works'

export interface MediaVerdict {
  traceId: string
  suggest: 'pass' | 'review' | 'risky'
  label?: number
}

interface MediaCheckDoc {
  _id: string
  workId: string
  selectionId: string
  suggest: string
}

export const RISKY_IMAGE_REASON = '作品中的图片未通过微信内容安全检测，已暂停展示；请更换图片后重新提交'

/** The verdict of a platform push, or null when the event is something else (e.g. a client's call). */
export function parseMediaPush(event: unknown): MediaVerdict | null {
  if (typeof event !== 'object' || event === null) return null
  const e = event as Record<string, unknown>
  if (e.MsgType !== 'event' || e.Event !== 'wxa_media_check' || 'userInfo' in e || 'action' in e) return null
  const result = e.result as { suggest?: unknown; label?: unknown } | undefined
  const suggest = result?.suggest
  if (typeof e.trace_id !== 'string' || (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky')) return null
  const verdict: MediaVerdict = { traceId: e.trace_id, suggest }
  if (typeof result?.label === 'number') verdict.label = result.label
  return verdict
}

export async function applyMediaVerdict(ctx: Ctx, verdict: MediaVerdict): Promise<{ applied: boolean; check: MediaCheckDoc | null }> {
  const checks = ctx.db.collection(COLLECTIONS.selectionMediaChecks)
  const check = await getFirst<MediaCheckDoc>(checks.where({ _id: verdict.traceId }).limit(1))
  if (!check) return { applied: false, check: null }
  const stamp = toChinaIsoMs(ctx.now())
  const first = await updated(
    checks.where({ _id: verdict.traceId, suggest: 'pending' }).update({ data: { suggest: verdict.suggest, label: verdict.label ?? null, decidedAt: stamp } }),
  )
  if (!first) return { applied: false, check }
  const _ = ctx.db.command
  const counters: Record<string, unknown> = { 'checks.mediaPending': _.inc(-1), updatedAt: stamp }
  if (verdict.suggest === 'review') counters['checks.mediaReview'] = _.inc(1)
  if (verdict.suggest === 'risky') counters['checks.mediaRisky'] = _.inc(1)
  await worksOf(ctx.db).doc(check.workId).update({ data: counters })
  if (verdict.suggest === 'risky') {
    await worksOf(ctx.db).where({ _id: check.workId, status: 'pending' }).update({ data: { status: 'rejected', reason: RISKY_IMAGE_REASON } })
    await worksOf(ctx.db).where({ _id: check.workId, status: 'published' }).update({ data: { status: 'frozen', reason: RISKY_IMAGE_REASON } })
  }
  return { applied: true, check }
}
