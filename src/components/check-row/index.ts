// CheckRow: a full-width checkbox row (styles loaded by the subpackages using it).
export { CheckRow } from './check-row'
export type { CheckRowProps } from './check-row'
