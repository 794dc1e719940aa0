// WeightsCard: the public-vote and expert weights of a selection in 评选管理.
export { WeightsCard } from './weights-card'
export type { WeightsCardProps } from './weights-card'
