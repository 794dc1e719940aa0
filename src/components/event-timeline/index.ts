// EventTimeline: a programme grouped by day.
export { EventTimeline } from './event-timeline'
