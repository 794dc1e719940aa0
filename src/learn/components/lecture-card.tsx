// One lecture in a list: title, topic, speaker, duration, views and the 已看 mark (a word, not only a colour).
import { Image, Text, View } from '@tarojs/components'
import { LECTURE_TOPIC_LABELS, type LectureCard as Card } from '@/contract'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { learnRoutes } from '../routes'
import { formatDuration } from '../format'

export function LectureCard({ lecture }: { lecture: Card }) {
  return (
    <View className='lecture-card' hoverClass='lecture-card--pressed' onClick={() => openPage(learnRoutes.lecture(lecture._id))}>
      {lecture.coverUrl ? <Image className='lecture-card__cover' src={lecture.coverUrl} mode='aspectFill' /> : <View className='lecture-card__cover lecture-card__cover--blank'>📚</View>}
      <View className='lecture-card__body'>
        <Text className='lecture-card__title'>{lecture.title}</Text>
        <View className='lecture-card__tags'>
          <Tag>{LECTURE_TOPIC_LABELS[lecture.topic]}</Tag>
          {lecture.watched ? <Tag tone='grey'>已看</Tag> : null}
        </View>
        <Text className='lecture-card__meta'>{lecture.speakerName} · {formatDuration(lecture.durationSec)} · {lecture.views} 次观看</Text>
      </View>
    </View>
  )
}
