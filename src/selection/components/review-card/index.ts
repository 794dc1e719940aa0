// ReviewCard: one work in the organisers' review queue, with its decisions.
export { ReviewCard } from './review-card'
export type { ReviewCardProps } from './review-card'
