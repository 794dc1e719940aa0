// Filters above the slot list, folded by default so the slots show first: a summary line with a
// 筛选 button; unfolded, sub-venue and service as chips (全部 first) and the date with the date picker
// (不限日期 clears it). Each change replaces the filters (the list starts again at page 1).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { VenueSummary } from '@/contract'
import { ChoiceChips } from '@/components/choice-chips'
import { PickerBox } from '@/components/form-field'
import { formatDate } from '@/utils/time'
import type { SlotFilters as Filters } from '../../hooks/use-slot-pages'

export interface SlotFiltersProps {
  filters: Filters
  venues: readonly VenueSummary[]
  services: readonly string[]
  onChange: (filters: Filters) => void
}

const ALL = { value: '', label: '全部' }

function summary(filters: Filters, venues: readonly VenueSummary[]): string {
  const venue = venues.find((v) => v._id === filters.venueId)?.name ?? '全部分会场'
  return [venue, filters.date ? formatDate(filters.date) : '不限日期', filters.service ?? '全部服务'].join(' · ')
}

export function SlotFilters({ filters, venues, services, onChange }: SlotFiltersProps) {
  const [open, setOpen] = useState(false)
  const set = (patch: Filters) => onChange({ ...filters, ...patch })
  return (
    <View className='slot-filters'>
      <View className='slot-filters__bar' hoverClass='slot-filters__bar--pressed' onClick={() => setOpen(!open)}>
        <Text className='slot-filters__summary'>{summary(filters, venues)}</Text>
        <Text className='slot-filters__toggle'>{open ? '收起 ▴' : '筛选 ▾'}</Text>
      </View>
      {open ? (
        <View className='slot-filters__panel'>
          {venues.length > 0 ? (
            <View className='slot-filters__group'>
              <Text className='slot-filters__label'>分会场</Text>
              <ChoiceChips
                options={[ALL, ...venues.map((v) => ({ value: v._id, label: v.name }))]}
                selected={[filters.venueId ?? '']}
                onToggle={(value) => set({ venueId: value || undefined })}
              />
            </View>
          ) : null}
          <View className='slot-filters__group'>
            <Text className='slot-filters__label'>日期</Text>
            <View className='slot-filters__date'>
              <PickerBox mode='date' value={filters.date ?? ''} placeholder='选择日期' onChange={(date) => set({ date })} />
            </View>
            {filters.date ? (
              <ChoiceChips options={[{ value: '', label: '不限日期' }]} selected={[]} onToggle={() => set({ date: undefined })} />
            ) : null}
          </View>
          {services.length > 0 ? (
            <View className='slot-filters__group'>
              <Text className='slot-filters__label'>义诊服务</Text>
              <ChoiceChips
                options={[ALL, ...services.map((s) => ({ value: s, label: s }))]}
                selected={[filters.service ?? '']}
                onToggle={(value) => set({ service: value || undefined })}
              />
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
