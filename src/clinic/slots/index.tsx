// 义诊报名: clinic slots across sub-venues with status and places left, filtered by sub-venue, date
// and service, paged with 加载更多; ?venueId= opens it filtered to that sub-venue. The service chips collect every service the list has shown.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useAction } from '@/hooks/use-action'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { clinicRoutes } from '../routes'
import { useSlotPages, type SlotFilters as Filters } from '../hooks/use-slot-pages'
import { MoreFooter } from '@/components/more-footer'
import { SlotCard } from '../components/slot-card'
import { SlotFilters } from '../components/slot-filters'
import '../styles.scss'
import './index.scss'

export default function ClinicSlotsPage() {
  const venueParam = useRouter().params.venueId
  const [filters, setFilters] = useState<Filters>(venueParam ? { venueId: venueParam } : {})
  const venues = useAction('festival', 'venues', {})
  const list = useSlotPages(filters)
  const [services, setServices] = useState<string[]>([])
  usePullRefresh(list.reload)
  useShareAppMessage(() => ({ title: '妇幼健康义诊报名', path: clinicRoutes.slots }))

  useEffect(() => {
    setServices((known) => {
      const fresh = list.items.flatMap((slot) => slot.services).filter((s, i, all) => !known.includes(s) && all.indexOf(s) === i)
      return fresh.length > 0 ? [...known, ...fresh] : known
    })
  }, [list.items])

  const filtered = Boolean(filters.venueId || filters.date || filters.service)
  return (
    <View className='page clinic-slots'>
      <Text className='clinic-slots__intro'>各分会场的专家义诊，选择场次后填写报名信息，到场出示签到码即可。</Text>
      <View className='clinic-slots__mine'>
        <ActionButton kind='plain' onClick={() => openPage(clinicRoutes.mine)}>查看我的报名</ActionButton>
      </View>
      <SlotFilters filters={filters} venues={venues.data ?? []} services={services} onChange={setFilters} />
      <StateGate
        state={list.first}
        isEmpty={() => list.items.length === 0}
        empty={(
          <Empty
            title={filtered ? '没有符合条件的义诊场次' : '暂无义诊场次'}
            hint={filtered ? '换个分会场、日期或服务试试。' : '分会场公布义诊安排后会显示在这里。'}
            action={filtered ? <ActionButton kind='plain' onClick={() => setFilters({})}>清除筛选</ActionButton> : undefined}
          />
        )}
      >
        {() => (
          <View>
            {list.items.map((slot) => <SlotCard key={slot._id} slot={slot} />)}
            <MoreFooter hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
          </View>
        )}
      </StateGate>
    </View>
  )
}
