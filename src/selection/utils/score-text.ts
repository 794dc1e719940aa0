// Wording of the final score and the notice period, shared by 评选管理 and 结果公示.
import type { ScoreWeights } from '@/contract/selection'
import { lastDay } from './text'

/** 最终得分 = 网络投票得分 × 30% + 专家评分 × 70% */
export function formulaLine(weights: ScoreWeights): string {
  return `最终得分 = 网络投票得分 × ${weights.vote}% + 专家评分 × ${weights.expert}%`
}

/** The notice period ends at 00:00 after its last day: 公示期至 12月8日 */
export function noticeLine(noticeUntil: string): string {
  return `公示期至 ${lastDay(noticeUntil)}`
}

/** A weight typed by the organiser: an integer 0–100, or null. */
export function parseWeight(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null
  const n = Number(text.trim())
  return n <= 100 ? n : null
}
