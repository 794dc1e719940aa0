// VotePanel: count, remaining votes and 投票.
export { VotePanel } from './vote-panel'
export type { VotePanelProps } from './vote-panel'
