// State views: Loading, Empty, ErrorState, and StateGate which picks among them for a load state.
export { Empty, ErrorState, Loading } from './state-view'
export type { EmptyProps } from './state-view'
export { StateGate } from './state-gate'
export type { StateGateProps } from './state-gate'
