// The festive red banner at the top of the home page: slogan, name, dates, city and phase; above them
// the banner image the organisers published, when there is one and it loads (else the red banner alone).
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { FestivalView } from '@/contract'
import { formatDateRange } from '@/utils/time'
import { PhaseBadge } from '../phase-badge'

export function FestivalBanner({ festival }: { festival: FestivalView }) {
  const [broken, setBroken] = useState('')
  const image = festival.bannerUrl && festival.bannerUrl !== broken ? festival.bannerUrl : ''
  return (
    <View className={image ? 'festival-banner festival-banner--image' : 'festival-banner'}>
      {image ? (
        <Image className='festival-banner__image' src={image} mode='widthFix' ariaLabel={`${festival.name}横幅`} onError={() => setBroken(image)} />
      ) : null}
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
