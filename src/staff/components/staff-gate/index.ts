// StaffGate: shows a staff page only to staff and organisers.
export { StaffGate } from './staff-gate'
