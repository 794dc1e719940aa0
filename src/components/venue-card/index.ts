// VenueCard: a sub-venue in a list.
export { VenueCard } from './venue-card'
