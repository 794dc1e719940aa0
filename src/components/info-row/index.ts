// InfoRow: a labelled fact.
export { InfoRow } from './info-row'
