// SignupCard: one of my sign-ups, with its QR code, cancel button and history.
export { SignupCard } from './signup-card'
export type { SignupCardProps } from './signup-card'
export { SignupHistory } from './signup-history'
