// The festive red banner at the top of the home page: slogan, name, dates, city and phase.
import { Text, View } from '@tarojs/components'
import type { FestivalView } from '@/contract'
import { formatDateRange } from '@/utils/time'
import { PhaseBadge } from '../phase-badge'

export function FestivalBanner({ festival }: { festival: FestivalView }) {
  return (
    <View className='festival-banner'>
      <Text className='festival-banner__slogan'>{festival.slogan}</Text>
      <Text className='festival-banner__name'>{festival.name}</Text>
      <View className='festival-banner__meta'>
        <PhaseBadge phase={festival.phase} />
        <Text className='festival-banner__dates'>{formatDateRange(festival.startDate, festival.endDate)}</Text>
      </View>
      <Text className='festival-banner__city'>📍 {festival.city}</Text>
    </View>
  )
}
