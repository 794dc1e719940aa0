// One line of a ranking: rank (gold, silver, bronze for the top three), cover, number, title, votes.
import { Image, Text, View } from '@tarojs/components'
import type { RankingEntry } from '@/contract/selection-views'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../../routes'
import { workNumber } from '../../utils/text'

export function RankRow({ entry }: { entry: RankingEntry }) {
  return (
    <View className='rank-row' hoverClass='rank-row--pressed' onClick={() => openPage(selectionRoutes.work(entry.workId))}>
      <Text className={`rank-row__rank ${entry.rank <= 3 ? `rank-row__rank--top${entry.rank}` : ''}`}>{entry.rank}</Text>
      {entry.coverUrl ? <Image className='rank-row__cover' src={entry.coverUrl} mode='aspectFill' /> : null}
      <View className='rank-row__body'>
        <Text className='rank-row__title'>{workNumber(entry.number)} {entry.title}</Text>
        {entry.applicant ? <Text className='rank-row__meta'>{entry.applicant.institution}</Text> : null}
      </View>
      <Text className='rank-row__votes'>{entry.votes} 票</Text>
    </View>
  )
}
