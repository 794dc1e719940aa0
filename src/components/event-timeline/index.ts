// EventTimeline: a programme grouped by day; EventProgramme: coming events first, ended ones folded.
export { EventTimeline } from './event-timeline'
export { EventProgramme, splitProgramme } from './programme'
