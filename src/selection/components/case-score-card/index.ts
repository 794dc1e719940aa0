// CaseScoreCard: one typical case on the expert's score page, with the expert's own score and comment.
export { CaseScoreCard, parseScore } from './case-score-card'
export type { CaseScoreCardProps } from './case-score-card'
