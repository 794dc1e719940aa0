// Chinese wording shared by the selection pages: dates of the windows, work numbers, statuses, and the
// vote allowance line. Instants arrive as ISO 8601 with +08:00, so the China date is read off the text.
import type { SelectionView, WorkStatus } from '@/contract/selection'
import { WORK_STATUS_LABELS } from '@/contract/selection'
import type { VoteAllowance } from '@/contract/selection-views'
import { endText, monthDay } from '@/utils/deadline'

export { lastDay, monthDay } from '@/utils/deadline'

export function submitWindow(s: SelectionView): string {
  return `征集时间：${monthDay(s.windows.submitFrom)} 至 ${endText(s.windows.submitUntil)}`
}

export function voteWindow(s: SelectionView): string {
  return `投票时间：${monthDay(s.windows.voteFrom)} 至 ${endText(s.windows.voteUntil)}`
}

export function voteRule(s: SelectionView): string {
  return `每人每天可投 ${s.limits.perDay} 票，每件作品每天 ${s.limits.perWorkPerDay} 票`
}

export function workNumber(number: number | null | undefined): string {
  return number ? `${String(number).padStart(3, '0')} 号` : '待编号'
}

export function statusLabel(status: WorkStatus): string {
  return WORK_STATUS_LABELS[status]
}

export function allowanceLine(v: VoteAllowance): string {
  if (!v.open) return v.reason ?? '现在不能投票'
  if (v.remainingToday <= 0) return `今天的 ${v.perDay} 票已经投完了，明天 0 点后可继续投票`
  if (v.remainingForWork <= 0) return '今天已为这件作品投过票，明天再来支持吧'
  return `今天还可投 ${v.remainingToday} 票（共 ${v.perDay} 票）`
}

/** A vote's request id: made once per intended vote and sent again on a retry. */
export function newRequestId(): string {
  return `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`
}
