// SlotCard: one clinic slot in the list.
export { SlotCard } from './slot-card'
