// Local runtime (h5): there are no subscribe messages; reminders go to the local outbox, so the
// resident's choice stands as given.
export async function requestReminderPermission(): Promise<boolean> {
  return true
}
