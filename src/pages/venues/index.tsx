// Sub-venue list: every sub-venue of the current festival with host hospital, place, dates and phase.
import { Text, View } from '@tarojs/components'
import { useAction } from '@/hooks/use-action'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { Empty, StateGate } from '@/components/state-view'
import { VenueCard } from '@/components/venue-card'
import './index.scss'

export default function Venues() {
  const state = useAction('festival', 'venues', {})
  usePullRefresh(state.reload)
  return (
    <View className='page venues-page'>
      <Text className='venues-page__intro'>各区妇幼保健院承办分会场，就近参加义诊、讲座和惠民活动。</Text>
      <StateGate
        state={state}
        isEmpty={(venues) => venues.length === 0}
        empty={<Empty title='暂无分会场' hint='分会场公布后会显示在这里。' />}
      >
        {(venues) => venues.map((venue) => <VenueCard key={venue._id} venue={venue} />)}
      </StateGate>
    </View>
  )
}
