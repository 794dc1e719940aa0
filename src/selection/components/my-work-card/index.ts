// MyWorkCard: one of my works with its status and 撤回.
export { MyWorkCard } from './my-work-card'
export type { MyWorkCardProps } from './my-work-card'
