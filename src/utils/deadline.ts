// How a selection's windows read in Chinese, in one place, so the home tile, the submit form and 评选管理
// say the same dates: 6月25日, the last day of an exclusive 00:00 end, and the phase's deadline line.
import type { SelectionWindows } from '@/contract/selection'
import { chinaIso } from './time'

/** 2022-06-25T09:00:00+08:00 → 6月25日 */
export function monthDay(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${Number(m[1])}月${Number(m[2])}日` : iso
}

/** The day before an exclusive 00:00 end, so 「至 7月10日」 means the whole of that day. */
export function lastDay(iso: string): string {
  if (!/T00:00(:00)?(\.0+)?\+08:00$/.test(iso)) return monthDay(iso)
  return monthDay(chinaIso(Date.parse(iso) - 1))
}

/** An end as people say it: 7月10日 for a 00:00 end, otherwise with its time, 6月25日 18:00. */
export function endText(iso: string): string {
  if (/T00:00(:00)?(\.0+)?\+08:00$/.test(iso)) return lastDay(iso)
  const t = /T(\d{2}:\d{2})/.exec(chinaIso(Date.parse(iso)))
  return t ? `${monthDay(chinaIso(Date.parse(iso)))} ${t[1]}` : monthDay(iso)
}

/** What a selection's tile says now: 征集中 · 至 11月30日, 投票中 · 至 12月10日, 征集 6月1日 开始, …; '' when over. */
export function deadlineLine(windows: SelectionWindows, now: number, published: boolean): string {
  if (published) return '结果已公布'
  const at = (iso: string) => Date.parse(iso)
  const submitting = at(windows.submitFrom) <= now && now < at(windows.submitUntil)
  const voting = at(windows.voteFrom) <= now && now < at(windows.voteUntil)
  if (submitting) return `征集中 · 至 ${endText(windows.submitUntil)}`
  if (voting) return `投票中 · 至 ${endText(windows.voteUntil)}`
  if (now < at(windows.submitFrom)) return `${monthDay(windows.submitFrom)} 开始征集`
  if (now < at(windows.voteFrom)) return `${monthDay(windows.voteFrom)} 开始投票`
  if (windows.judgeFrom && windows.judgeUntil && at(windows.judgeFrom) <= now && now < at(windows.judgeUntil)) {
    return `专家评审中 · 至 ${endText(windows.judgeUntil)}`
  }
  return '评审中，结果即将公布'
}
