// ActionButton: the app's big button.
export { ActionButton } from './action-button'
export type { ActionButtonProps } from './action-button'
