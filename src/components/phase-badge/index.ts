// PhaseBadge: 进行中 / 即将开始 / 已结束.
export { PhaseBadge } from './phase-badge'
