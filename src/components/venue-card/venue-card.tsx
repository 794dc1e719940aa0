// A sub-venue in a list: name and phase, host hospital, district · place, dates, theme; opens the venue.
import { Text, View } from '@tarojs/components'
import type { VenueSummary } from '@/contract'
import { formatDateRange } from '@/utils/time'
import { openPage, routes } from '@/utils/nav'
import { Card } from '../card'
import { PhaseBadge } from '../phase-badge'

export function VenueCard({ venue }: { venue: VenueSummary }) {
  return (
    <Card className='venue-card' onClick={() => openPage(routes.venue(venue._id))}>
      <View className='venue-card__head'>
        <Text className='venue-card__name'>{venue.name}</Text>
        <PhaseBadge phase={venue.phase} />
      </View>
      <Text className='venue-card__host'>{venue.host}</Text>
      <Text className='venue-card__line'>📍 {venue.district} · {venue.place}</Text>
      <Text className='venue-card__line'>📅 {formatDateRange(venue.startDate, venue.endDate)}</Text>
      {venue.theme ? <Text className='venue-card__theme'>主题：{venue.theme}</Text> : null}
    </Card>
  )
}
