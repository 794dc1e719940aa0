// RankRow: one ranked work.
export { RankRow } from './rank-row'
