// WatchCard: one work's votes over time in 投票监控, with its flags.
export { WatchCard } from './watch-card'
export type { WatchCardProps } from './watch-card'
export type { StripWindow } from './bar-strip'
