// RoleGate: shows a page to the roles it serves and tells everyone else whom it is for.
export { RoleGate } from './role-gate'
export type { RoleGateProps } from './role-gate'
