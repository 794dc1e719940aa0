// WeChat: asks for permission to send the clinic's subscribe messages (reminder the day before,
// waitlist promotion). Must run inside the tap that submits. True when at least one template was
// accepted; false when the user declined or no template id was configured at build time.
import Taro from '@tarojs/taro'

export async function requestReminderPermission(): Promise<boolean> {
  const tmplIds = CLINIC_SUBSCRIBE_TEMPLATE_IDS.slice(0, 3)
  if (tmplIds.length === 0) return false
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, unknown>
    return tmplIds.some((id) => answer[id] === 'accept')
  } catch {
    return false
  }
}
