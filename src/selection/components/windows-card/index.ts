// WindowsCard: open, extend or end a selection's phases in 评选管理.
export { WindowsCard, endOfDay, windowStates } from './windows-card'
export type { WindowsCardProps } from './windows-card'
