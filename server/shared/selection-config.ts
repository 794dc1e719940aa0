// A selection's configuration: loading it (with a short per-instance cache for the hot vote and gallery
// paths), its phase in China time, and the view residents see.
import type { DB } from 'wx-server-sdk'
import { fail, type Fail } from '../../src/contract/result'
import type { Selection, SelectionPhase, SelectionView } from '../../src/contract/selection'
import { chinaLabel } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import { getFirst } from '../core/db'

/** How long one function instance trusts a selection it has read (votes re-read it at most this often). */
export const SELECTION_CACHE_MS = 10_000
const MAX_CACHED = 100
const cache = new Map<string, { at: number; selection: Selection | null }>()

export async function loadSelection(db: DB.Database, id: string, options: { cached?: boolean } = {}): Promise<Selection | null> {
  const hit = options.cached ? cache.get(id) : undefined
  if (hit && Date.now() - hit.at < SELECTION_CACHE_MS) return hit.selection
  const selection = await getFirst<Selection>(db.collection(COLLECTIONS.selections).where({ _id: id }).limit(1))
  if (cache.size >= MAX_CACHED) cache.clear()
  cache.set(id, { at: Date.now(), selection: selection?.published ? selection : null })
  return selection?.published ? selection : null
}

/** Drops cached copies after this instance changed a selection (other instances catch up within the TTL). */
export function forgetSelection(id?: string): void {
  if (id === undefined) cache.clear()
  else cache.delete(id)
}

export const SELECTION_NOT_FOUND = '没有找到这项评选活动，可能已结束或下线，请返回首页查看'

const at = (iso: string) => Date.parse(iso)

export function canSubmit(selection: Selection, now: Date): boolean {
  const n = now.getTime()
  return !selection.results && at(selection.windows.submitFrom) <= n && n < at(selection.windows.submitUntil)
}

export function canVote(selection: Selection, now: Date): boolean {
  const n = now.getTime()
  return !selection.results && at(selection.windows.voteFrom) <= n && n < at(selection.windows.voteUntil)
}

/** Experts may score: within the judging window where organisers set one, otherwise until results are published. */
export function canJudge(selection: Selection, now: Date): boolean {
  const { judgeFrom, judgeUntil } = selection.windows
  if (selection.results) return false
  if (judgeFrom === undefined || judgeUntil === undefined) return true
  const n = now.getTime()
  return at(judgeFrom) <= n && n < at(judgeUntil)
}

export function phaseOf(selection: Selection, now: Date): SelectionPhase {
  const n = now.getTime()
  const w = selection.windows
  if (selection.results) return n < at(selection.results.noticeUntil) ? 'notice' : 'announced'
  if (canVote(selection, now)) return 'voting'
  if (canSubmit(selection, now)) return 'submission'
  if (w.judgeFrom !== undefined && canJudge(selection, now)) return 'judging'
  if (n < Math.min(at(w.submitFrom), at(w.voteFrom))) return 'upcoming'
  if (n >= at(w.voteUntil)) return 'judging'
  return 'review'
}

/** Why a vote cannot be cast now, in Chinese; undefined while the voting window is open. */
export function voteClosedReason(selection: Selection, now: Date): string | undefined {
  if (selection.results) return '评选结果已公布，投票已结束，感谢您的关注'
  const n = now.getTime()
  if (n < at(selection.windows.voteFrom)) return `投票将于 ${chinaLabel(new Date(selection.windows.voteFrom))} 开始，请届时再来`
  if (n >= at(selection.windows.voteUntil)) return `投票已于 ${chinaLabel(new Date(selection.windows.voteUntil))} 结束，请留意结果公示`
  return undefined
}

export function submitClosedReason(selection: Selection, now: Date): string | undefined {
  if (canSubmit(selection, now)) return undefined
  const n = now.getTime()
  if (n < at(selection.windows.submitFrom)) return `作品征集将于 ${chinaLabel(new Date(selection.windows.submitFrom))} 开始，请届时再提交`
  return `作品征集已于 ${chinaLabel(new Date(selection.windows.submitUntil))} 截止，不能再提交，欢迎为已发布的作品投票`
}

export function selectionView(selection: Selection, now: Date): SelectionView {
  const { lastNumber: _lastNumber, published: _published, watch: _watch, ...rest } = selection
  return { ...rest, phase: phaseOf(selection, now), canSubmit: canSubmit(selection, now), canVote: canVote(selection, now) }
}

export function categoryOf(selection: Selection, key: string | undefined) {
  return key === undefined ? undefined : selection.categories.find((c) => c.key === key)
}

/** Refuses category keys the selection does not have (an expert's assignment, an expert invite). */
export function unknownCategory(selection: Selection, keys: string[]): Fail | null {
  const unknown = keys.find((key) => !categoryOf(selection, key))
  return unknown === undefined ? null : fail('INVALID_INPUT', `这项评选没有「${unknown}」类别，请从类别列表中选择`)
}
