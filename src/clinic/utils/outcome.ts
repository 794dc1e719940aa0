// After a sign-up: tell the resident what happened (报名成功 / 已加入候补 / 您已报过名), then show
// 我的报名 in place of the form, so 返回 does not lead back to a finished form.
import Taro from '@tarojs/taro'
import type { SignUpOutcome, SignUpResult } from '@/contract'
import { clinicRoutes, replacePage } from '../routes'

export const OUTCOME_TITLES: Record<SignUpOutcome, string> = {
  confirmed: '报名成功',
  waitlisted: '已加入候补',
  already: '您已报过名',
}

function outcomeText({ outcome, signup }: SignUpResult, reminderDeclined: boolean): string {
  const who = signup.person.name
  const text = {
    confirmed: `${who} 已报名成功。到场时请在「我的报名」中出示签到码。`,
    waitlisted: `名额已满，${who} 已排入候补。有人取消时将按顺序自动转为报名成功，并通知您。`,
    already: `${who} 已报过本场义诊，无需重复报名。`,
  }[outcome]
  return reminderDeclined ? `${text}（您未允许微信提醒，请记得按时到场。）` : text
}

export async function showOutcome(result: SignUpResult, reminderDeclined: boolean): Promise<void> {
  await Taro.showModal({
    title: OUTCOME_TITLES[result.outcome],
    content: outcomeText(result, reminderDeclined),
    showCancel: false,
    confirmText: '查看报名',
  }).catch(() => undefined)
  replacePage(clinicRoutes.mine)
}
