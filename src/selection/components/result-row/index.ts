// ResultRow: one ranked entry of the published results, with its working.
export { ResultRow } from './result-row'
