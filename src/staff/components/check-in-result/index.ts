// CheckInResult and RedeemResultPanel: the outcome panels of the check-in page (clinic, discount-week offer).
export { CheckInResult } from './check-in-result'
export type { CheckInResultProps } from './check-in-result'
export { RedeemResultPanel } from './redeem-result'
