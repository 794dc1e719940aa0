// SlotInfo: the facts of one slot.
export { SlotInfo } from './slot-info'
