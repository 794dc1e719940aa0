// SlotFilters: sub-venue, date and service filters of the slot list.
export { SlotFilters } from './slot-filters'
export type { SlotFiltersProps } from './slot-filters'
