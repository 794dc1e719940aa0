// WeChat: asks, inside the 提醒我 tap, for permission to send the reminder subscribe message (the clinic's
// reminder template, CLINIC_TEMPLATE_REMINDER at build time). 'unavailable' when the build has no
// template id (the server then only records the reminder) or the WeChat version cannot ask.
import Taro from '@tarojs/taro'

export type SubscribeAnswer = 'accepted' | 'declined' | 'unavailable'

export async function requestEventReminderPermission(): Promise<SubscribeAnswer> {
  if (!REMINDER_TEMPLATE_ID) return 'unavailable'
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: [REMINDER_TEMPLATE_ID], entityIds: [] })) as unknown as Record<string, unknown>
    return answer[REMINDER_TEMPLATE_ID] === 'accept' ? 'accepted' : 'declined'
  } catch {
    return 'unavailable'
  }
}
