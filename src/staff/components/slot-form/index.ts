// Slot form sections: SlotBasics (what and where) and SlotRules (places, window, note, 停止报名).
export { SlotBasics } from './slot-basics'
export type { SlotFieldsProps } from './slot-basics'
export { SlotRules } from './slot-rules'
