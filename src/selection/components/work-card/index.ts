// WorkCard: a published work in the gallery grid.
export { WorkCard } from './work-card'
