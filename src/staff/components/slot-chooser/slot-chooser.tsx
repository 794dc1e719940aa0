// The slot a list or a phone-tail search runs in: first the day — every day that has slots in the staff
// member's sub-venue (all venues for organisers), each with its number of slots, today preselected (or
// the next day with slots, or the last one) — then that day's slots, the first preselected.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ok, type ClinicSlotSummary, type Me, type Result, type SlotDays } from '@/contract'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { ChoiceChips } from '@/components/choice-chips'
import { Empty, StateGate } from '@/components/state-view'

/** Every slot of one day (all pages: a festival day of every venue may hold more than one page). */
async function loadDay(venueId: string | undefined, date: string): Promise<Result<ClinicSlotSummary[]>> {
  const items: ClinicSlotSummary[] = []
  for (let page = 1; ; page++) {
    const res = await call('clinic', 'slots', { ...(venueId ? { venueId } : {}), date, ...(page > 1 ? { page } : {}) })
    if (!res.ok) return res
    items.push(...res.data.items)
    if (!res.data.hasMore) return ok(items)
  }
}

/** Today when it has slots, else the next day that has, else the last day with slots. */
export function defaultDay({ today, days }: SlotDays): string {
  return (days.find((d) => d.date >= today) ?? days[days.length - 1])?.date ?? ''
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

function dayLabel(date: string, today: string, slots: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const at = Date.UTC(y, m - 1, d)
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  const offset = Math.round((at - Date.UTC(ty, tm - 1, td)) / 86400000)
  const name = offset === 0 ? '今天' : offset === 1 ? '明天' : offset === -1 ? '昨天' : WEEKDAYS[new Date(at).getUTCDay()]
  return `${m}月${d}日 ${name} · ${slots} 场`
}

const slotLabel = (slot: ClinicSlotSummary, organiser: boolean) =>
  `${organiser ? `${slot.venueName} ` : ''}${slot.title} ${slot.startTime}–${slot.endTime}`

export interface SlotChooserProps {
  me: Me
  slotId: string
  onChoose: (slot: ClinicSlotSummary) => void
}

function DaySlots({ me, date, slotId, onChoose }: SlotChooserProps & { date: string }) {
  const state = useResult(() => loadDay(me.venueId, date), `staff.slots:${me.venueId ?? ''}:${date}`)
  const slots = state.data
  useEffect(() => {
    const first = slots?.[0]
    if (first && !slots.some((s) => s._id === slotId)) onChoose(first)
  }, [slots, slotId, onChoose])
  return (
    <StateGate state={state} isEmpty={(list) => list.length === 0} empty={<Empty title='这一天没有义诊场次' />}>
      {(list) => (
        <ChoiceChips
          options={list.map((slot) => ({ value: slot._id, label: slotLabel(slot, me.role === 'organiser') }))}
          selected={[slotId]}
          onToggle={(id) => {
            const slot = list.find((s) => s._id === id)
            if (slot) onChoose(slot)
          }}
        />
      )}
    </StateGate>
  )
}

export function SlotChooser({ me, slotId, onChoose }: SlotChooserProps) {
  const days = useResult(() => call('clinicAdmin', 'slotDays', {}), `staff.days:${me.venueId ?? ''}`)
  const [date, setDate] = useState('')
  const shown = date || (days.data ? defaultDay(days.data) : '')
  return (
    <View className='slot-chooser'>
      <StateGate state={days} isEmpty={(d) => d.days.length === 0} empty={<Empty title='暂无义诊场次' />}>
        {({ today, days: list }) => (
          <View>
            <Text className='slot-chooser__label'>选择日期</Text>
            <ChoiceChips
              options={list.map((d) => ({ value: d.date, label: dayLabel(d.date, today, d.slots) }))}
              selected={[shown]}
              onToggle={setDate}
            />
            <Text className='slot-chooser__label'>选择场次</Text>
            <DaySlots me={me} date={shown} slotId={slotId} onChoose={onChoose} />
          </View>
        )}
      </StateGate>
    </View>
  )
}
