// CheckInResult: the outcome panel of the check-in page.
export { CheckInResult } from './check-in-result'
export type { CheckInResultProps } from './check-in-result'
