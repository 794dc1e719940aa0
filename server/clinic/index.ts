// Cloud function `clinic`: free-clinic slots, sign-up with waitlist, cancellation, check-in, the
// day-before reminders (timer trigger `clinicReminders`) and the lost-hold repair every 10 minutes
// (timer trigger `clinicRepair`), both declared in cloudfunctions/clinic/config.json.
import { defineFunction } from '../core/define-function'
import { clinicHandlers } from './handlers'

const fn = defineFunction('clinic', clinicHandlers, { timers: { clinicReminders: 'sendReminders', clinicRepair: 'repairHolds' } })

export const main = fn.main
export const invoke = fn.invoke
