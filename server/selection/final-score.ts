// The final score of a selection's entries: weight_vote × normalised votes + weight_expert × mean expert
// score, where normalised votes = votes ÷ the group's highest votes × 100 (a group is a case category, or
// the whole selection for photos and videos). Every component is rounded to two decimals before it is
// combined, so the working printed beside each entry reproduces its final score exactly.
import type { ScoreWeights } from '../../src/contract/selection'

export interface Scorable {
  workId: string
  number: number
  votes: number
  expertMean: number | null
  expertCount: number
}

export interface Scored extends Scorable {
  rank: number
  voteScore: number
  expertScore: number | null
  finalScore: number
  working: string
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100
const f2 = (x: number) => x.toFixed(2)

export function formulaText(weights: ScoreWeights): string {
  const normalised = '网络投票得分 = 票数 ÷ 同组最高票数 × 100（典型案例按类别分组）'
  if (weights.expert === 0) return `最终得分 = 网络投票得分；${normalised}`
  if (weights.vote === 0) return '最终得分 = 专家评分平均分'
  return `最终得分 = 网络投票得分 × ${weights.vote}% + 专家评分平均分 × ${weights.expert}%；${normalised}`
}

export function scoreGroup(entries: Scorable[], weights: ScoreWeights): Scored[] {
  const max = Math.max(0, ...entries.map((e) => e.votes))
  const scored = entries.map((e) => {
    const voteScore = max > 0 ? round2((e.votes / max) * 100) : 0
    const expertScore = weights.expert > 0 ? round2(e.expertMean ?? 0) : null
    const finalScore = round2((voteScore * weights.vote) / 100 + ((expertScore ?? 0) * weights.expert) / 100)
    const voteWorking = max > 0 ? `${e.votes} ÷ ${max} × 100 = ${f2(voteScore)}` : '本组暂无有效投票，网络投票得分记 0.00'
    const working = expertScore === null
      ? `${voteWorking}；最终得分 ${f2(finalScore)}`
      : `${voteWorking}；${f2(voteScore)} × ${weights.vote}% + ${f2(expertScore)} × ${weights.expert}% = ${f2(finalScore)}`
    return { ...e, rank: 0, voteScore, expertScore, finalScore, working }
  })
  scored.sort((a, b) => b.finalScore - a.finalScore || b.votes - a.votes || a.number - b.number)
  scored.forEach((s, i) => {
    const previous = scored[i - 1]
    s.rank = previous && previous.finalScore === s.finalScore ? previous.rank : i + 1
  })
  return scored
}
