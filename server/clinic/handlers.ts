// The clinic function's action table: residents browse, sign up, cancel and see their own sign-ups;
// staff check residents in and manage slots; the timers send the day-before reminders and free lost holds.
import type { Handlers } from '../core/router'
import { getSlot, lastEntries, listSlots, myNotices, mySignups } from './browse'
import { cancel } from './cancel'
import { checkIn } from './check-in'
import { createSlot, updateSlot } from './manage'
import { sendReminders } from './reminders'
import { repairHolds } from './repair-run'
import { signUp } from './sign-up'

export const clinicHandlers: Handlers<'clinic'> = {
  slots: listSlots,
  slot: getSlot,
  signUp,
  cancel,
  mySignups: (_input, ctx) => mySignups(ctx),
  lastEntries: (_input, ctx) => lastEntries(ctx),
  myNotices: (_input, ctx) => myNotices(ctx),
  checkIn,
  createSlot,
  updateSlot,
  sendReminders: (_input, ctx) => sendReminders(ctx),
  repairHolds: (_input, ctx) => repairHolds(ctx),
}
