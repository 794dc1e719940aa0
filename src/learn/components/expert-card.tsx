// One expert in the think-tank: photo (only with consent, else the first character), name, title,
// hospital, specialties.
import { Image, Text, View } from '@tarojs/components'
import type { ExpertCard as Card } from '@/contract'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { learnRoutes } from '../routes'

export function ExpertCard({ expert }: { expert: Card }) {
  return (
    <View className='expert-card' hoverClass='expert-card--pressed' onClick={() => openPage(learnRoutes.expert(expert._id))}>
      {expert.photoUrl
        ? <Image className='expert-card__photo' src={expert.photoUrl} mode='aspectFill' />
        : <View className='expert-card__photo expert-card__photo--blank'><Text>{[...expert.name][0] ?? ''}</Text></View>}
      <View className='expert-card__body'>
        <Text className='expert-card__name'>{expert.name}</Text>
        <Text className='expert-card__meta'>{expert.title} · {expert.hospital}</Text>
        <View className='expert-card__tags'>{expert.specialties.map((s) => <Tag key={s} tone='amber'>{s}</Tag>)}</View>
      </View>
    </View>
  )
}
