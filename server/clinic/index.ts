// Cloud function `clinic`: free-clinic slots, sign-up with waitlist, cancellation, check-in and the
// day-before reminders (timer trigger `clinicReminders`, declared in cloudfunctions/clinic/config.json).
import { defineFunction } from '../core/define-function'
import { clinicHandlers } from './handlers'

const fn = defineFunction('clinic', clinicHandlers, { timers: { clinicReminders: 'sendReminders' } })

export const main = fn.main
export const invoke = fn.invoke
