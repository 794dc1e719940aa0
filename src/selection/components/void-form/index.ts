// VoidForm: 作废投票 for one work, opened from vote watch.
export { VoidForm } from './void-form'
export type { VoidFormProps, VoidTarget } from './void-form'
