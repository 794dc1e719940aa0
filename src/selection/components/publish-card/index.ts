// PublishCard: publishing a selection's results with a notice period, in 评选管理.
export { PublishCard } from './publish-card'
export type { PublishCardProps } from './publish-card'
