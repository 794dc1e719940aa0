// SlotChooser: pick the slot for a phone-tail check-in.
export { SlotChooser } from './slot-chooser'
export type { SlotChooserProps } from './slot-chooser'
