// One work in the gallery grid: cover (or a placeholder when its temp URL could not be resolved),
// number, title and votes; the whole card opens the work's page.
import { Image, Text, View } from '@tarojs/components'
import type { WorkCard as Card } from '@/contract/selection-views'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../../routes'
import { workNumber } from '../../utils/text'

export function WorkCard({ work }: { work: Card }) {
  return (
    <View className='work-card' hoverClass='work-card--pressed' onClick={() => openPage(selectionRoutes.work(work._id))}>
      {work.coverUrl
        ? <Image className='work-card__cover' src={work.coverUrl} mode='aspectFill' />
        : <View className='work-card__cover work-card__cover--none'><Text>{work.duration ? '🎬' : '📷'}</Text></View>}
      <View className='work-card__body'>
        <Text className='work-card__number'>{workNumber(work.number)}</Text>
        <Text className='work-card__title'>{work.title}</Text>
        {work.applicant ? <Text className='work-card__meta'>{work.applicant.institution}</Text> : null}
        <Text className='work-card__votes'>❤ {work.votes} 票</Text>
      </View>
    </View>
  )
}
