// 阶段与时间 in 评选管理: where each phase stands (作品征集, 网络投票, and 专家评审 for typical cases), and
// the organiser's moves — open a closed phase until a chosen day, extend an open one to a later day, end
// one now — each with a reason for the audit log and a confirmation first. Locked once results are out.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { SELECTION_WINDOW_LABELS, type SelectionView, type SelectionWindowKey, type WindowMove } from '@/contract/selection'
import { ActionButton } from '@/components/action-button'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput, FormField, PickerBox } from '@/components/form-field'
import { endText, monthDay } from '@/utils/deadline'
import { chinaDayKey, chinaIso } from '@/utils/time'
import { useSetWindow } from '../../hooks/use-manage'

export interface WindowsCardProps {
  selection: SelectionView
  onChanged: () => void
}

interface WindowState {
  key: SelectionWindowKey
  from?: string
  until?: string
  open: boolean
}

export function windowStates(selection: SelectionView, now: number): WindowState[] {
  const w = selection.windows
  const pairs: Array<[SelectionWindowKey, string | undefined, string | undefined]> = [
    ['submit', w.submitFrom, w.submitUntil],
    ['vote', w.voteFrom, w.voteUntil],
  ]
  if (selection.kind === 'cases') pairs.push(['judge', w.judgeFrom, w.judgeUntil])
  return pairs.map(([key, from, until]) => ({
    key, from, until, open: from !== undefined && until !== undefined && Date.parse(from) <= now && now < Date.parse(until),
  }))
}

function stateLine(state: WindowState, now: number): string {
  if (!state.from || !state.until) return state.key === 'judge' ? '未单独设定（投票结束后至结果公布前均可评分）' : '未设定'
  if (state.open) return `进行中，至 ${endText(state.until)}`
  if (now < Date.parse(state.from)) return `未开始，${monthDay(state.from)} 起至 ${endText(state.until)}`
  return `已结束（${monthDay(state.from)} 至 ${endText(state.until)}）`
}

/** A chosen China day as the exclusive end of that whole day: 2022-07-10 → 2022-07-11T00:00:00+08:00. */
export function endOfDay(day: string): string {
  return chinaIso(Date.parse(`${day}T00:00:00+08:00`) + 24 * 3600 * 1000)
}

export function WindowsCard({ selection, onChanged }: WindowsCardProps) {
  const now = Date.now()
  const states = windowStates(selection, now)
  const [key, setKey] = useState<SelectionWindowKey>(states.find((s) => s.open)?.key ?? 'submit')
  const [day, setDay] = useState('')
  const [reason, setReason] = useState('')
  const { move, busy, error } = useSetWindow(selection._id, () => {
    setDay('')
    setReason('')
    onChanged()
  })
  const chosen = states.find((s) => s.key === key) ?? states[0]
  const label = SELECTION_WINDOW_LABELS[key]
  const go = (m: WindowMove) => void move({ window: key, move: m, until: m === 'end' ? undefined : day ? endOfDay(day) : undefined, reason: reason.trim(), label })

  return (
    <View className='windows-card'>
      <Text className='windows-card__title'>阶段与时间</Text>
      {states.map((s) => (
        <View key={s.key} className='windows-card__row'>
          <Text className='windows-card__label'>{SELECTION_WINDOW_LABELS[s.key]}</Text>
          <Text className={`windows-card__state${s.open ? ' windows-card__state--open' : ''}`}>{stateLine(s, now)}</Text>
        </View>
      ))}
      {selection.results ? (
        <Text className='windows-card__note'>结果已经公布，各阶段时间不能再调整。</Text>
      ) : (
        <View className='windows-card__form'>
          <FormField label='调整哪个阶段'>
            <ChoiceChips options={states.map((s) => ({ value: s.key, label: SELECTION_WINDOW_LABELS[s.key] }))} selected={[key]} onToggle={(v) => setKey(v as SelectionWindowKey)} />
          </FormField>
          <FormField label={chosen?.open ? '延长到哪一天（含当天）' : '开启到哪一天（含当天）'}>
            <PickerBox mode='date' value={day} placeholder='请选择日期' start={chinaDayKey(new Date(now).toISOString())} opensAt={chinaDayKey(new Date(now).toISOString())} onChange={setDay} />
          </FormField>
          <FormField label='调整理由（记入操作日志）' error={error || undefined}>
            <FieldInput value={reason} onChange={setReason} placeholder='如：应参赛单位要求顺延一周' maxlength={200} />
          </FormField>
          <View className='windows-card__actions'>
            {chosen?.open ? (
              <>
                <ActionButton disabled={busy} onClick={() => go('extend')}>{`延长${label}`}</ActionButton>
                <ActionButton kind='plain' disabled={busy} onClick={() => go('end')}>{`立即结束${label}`}</ActionButton>
              </>
            ) : (
              <ActionButton disabled={busy} onClick={() => go('open')}>{`开启${label}`}</ActionButton>
            )}
          </View>
        </View>
      )}
    </View>
  )
}
