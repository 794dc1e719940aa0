// 作废投票: checks the form on the device (range, reason of at least 5 characters), asks for
// confirmation with the number of votes vote watch saw in the range, then calls voidVotes. Refusals are
// sorted to the field they concern (the server's field issues, or its message about the time range).
// A large void is done in chunks: while the answer says it is unfinished, the same call is repeated (it
// continues the job) and the progress (已作废 N / M) is shown meanwhile.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { Fail } from '@/contract'
import type { VoidOutcome, WatchBucket } from '@/contract/selection-views'
import { call } from '@/services/client'
import { useOneAtATime } from '@/hooks/use-one-at-a-time'
import { shortInstant } from '@/utils/time'
import { parseWallClock } from '../utils/clock'

export interface VoidDraft {
  from: string
  to: string
  onlyNewAccounts: boolean
  reason: string
}

export type VoidErrors = Partial<Record<'range' | 'reason' | 'general', string>>

const REASON_MIN = 5
/** Follow-up calls at most; the server's timer finishes a job left unfinished anyway. */
const MAX_CALLS = 60

/** Votes vote watch counted in buckets starting inside [from, to). */
export function votesInRange(series: WatchBucket[], from: string, to: string, onlyNew: boolean): number {
  const [a, b] = [Date.parse(from), Date.parse(to)]
  return series.filter((x) => Date.parse(x.start) >= a && Date.parse(x.start) < b).reduce((n, x) => n + (onlyNew ? x.newAccountVotes : x.votes), 0)
}

export function checkDraft(draft: VoidDraft): { errors: VoidErrors; from?: string; to?: string } {
  const errors: VoidErrors = {}
  const from = parseWallClock(draft.from)
  const to = parseWallClock(draft.to)
  if (!from || !to) errors.range = '请按「2022-06-25 09:05」的格式填写开始和结束时间'
  else if (Date.parse(from) >= Date.parse(to)) errors.range = '开始时间应早于结束时间'
  if (draft.reason.trim().length < REASON_MIN) errors.reason = `请写明作废理由（至少 ${REASON_MIN} 个字），会记入审计记录`
  return from && to ? { errors, from, to } : { errors }
}

function errorsOf(failure: Fail): VoidErrors {
  const errors: VoidErrors = {}
  for (const issue of failure.issues ?? []) {
    if (issue.path === 'reason') errors.reason ??= issue.message
    else if (issue.path === 'from' || issue.path === 'to') errors.range ??= issue.message
  }
  return Object.keys(errors).length > 0 ? errors : { general: failure.message }
}

export function useVoidVotes(selectionId: string, workId: string, series: WatchBucket[]) {
  const { busy, run, pending } = useOneAtATime()
  const [errors, setErrors] = useState<VoidErrors>({})
  const [outcome, setOutcome] = useState<VoidOutcome | null>(null)
  const [progress, setProgress] = useState<VoidOutcome | null>(null)

  const submit = (draft: VoidDraft): Promise<void> => run(async () => {
    const checked = checkDraft(draft)
    setErrors(checked.errors)
    if (!checked.from || !checked.to || Object.keys(checked.errors).length > 0) return
    const seen = votesInRange(series, checked.from, checked.to, draft.onlyNewAccounts)
    const who = draft.onlyNewAccounts ? '当天首次投票的账号投出的' : ''
    const answer = await Taro.showModal({
      title: '确认作废投票',
      content: `将作废 ${shortInstant(checked.from)} 至 ${shortInstant(checked.to)} ${who}有效投票，投票监控显示最多 ${seen} 票。作废后不能恢复，作品票数将按投票记录重新计算。`,
      confirmText: '确认作废',
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    const input = { selectionId, workId, from: checked.from, to: checked.to, onlyNewAccounts: draft.onlyNewAccounts, reason: draft.reason.trim() }
    let result = await pending(call('selection', 'voidVotes', input))
    for (let calls = 1; result.ok && !result.data.finished && calls < MAX_CALLS; calls += 1) {
      setProgress(result.data)
      result = await pending(call('selection', 'voidVotes', input))
    }
    setProgress(null)
    if (result.ok) setOutcome(result.data)
    else setErrors(errorsOf(result))
  })

  return { submit, busy, errors, outcome, progress, clearError: (key: keyof VoidErrors) => setErrors((e) => ({ ...e, [key]: undefined, general: undefined })) }
}
