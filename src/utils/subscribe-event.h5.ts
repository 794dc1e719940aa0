// Local runtime (h5): there are no subscribe messages; event reminders go to the local outbox.
export type SubscribeAnswer = 'accepted' | 'declined' | 'unavailable'

export async function requestEventReminderPermission(): Promise<SubscribeAnswer> {
  return 'accepted'
}
