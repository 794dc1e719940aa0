// The slot a phone-tail search runs in: today's slots of the staff member's sub-venue (all venues
// for organisers), or, when there are none today, the venue's slots; the first is preselected.
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { ok, type ClinicSlotSummary, type Me, type Result } from '@/contract'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { ChoiceChips } from '@/components/choice-chips'
import { Empty, StateGate } from '@/components/state-view'
import { chinaDayKey } from '@/utils/time'

async function loadSlots(venueId: string | undefined): Promise<Result<ClinicSlotSummary[]>> {
  const venue = venueId ? { venueId } : {}
  const today = await call('clinic', 'slots', { ...venue, date: chinaDayKey(new Date().toISOString()) })
  if (!today.ok || today.data.items.length > 0) return today.ok ? ok(today.data.items) : today
  const all = await call('clinic', 'slots', venue)
  return all.ok ? ok(all.data.items) : all
}

const label = (slot: ClinicSlotSummary) => `${slot.title} ${Number(slot.date.slice(5, 7))}月${Number(slot.date.slice(8, 10))}日 ${slot.startTime}–${slot.endTime}`

export interface SlotChooserProps {
  me: Me
  slotId: string
  onChoose: (slot: ClinicSlotSummary) => void
}

export function SlotChooser({ me, slotId, onChoose }: SlotChooserProps) {
  const state = useResult(() => loadSlots(me.venueId), `staff.slots:${me.venueId ?? ''}`)
  const first = state.data?.[0]
  useEffect(() => {
    if (first && !slotId) onChoose(first)
  }, [first, slotId, onChoose])
  return (
    <View className='slot-chooser'>
      <Text className='slot-chooser__label'>选择场次</Text>
      <StateGate state={state} isEmpty={(slots) => slots.length === 0} empty={<Empty title='暂无义诊场次' />}>
        {(slots) => (
          <ChoiceChips
            options={slots.map((slot) => ({ value: slot._id, label: label(slot) }))}
            selected={[slotId]}
            onToggle={(id) => {
              const slot = slots.find((s) => s._id === id)
              if (slot) onChoose(slot)
            }}
          />
        )}
      </StateGate>
    </View>
  )
}
