// Messages for the resident (候补转正, 就诊提醒), newest as the server orders them.
import { Text, View } from '@tarojs/components'
import type { ClinicNotice } from '@/contract'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'
import { longInstant } from '../../utils/slot-text'

const KIND_LABELS: Record<ClinicNotice['kind'], string> = { promoted: '候补转正', reminder: '就诊提醒' }

export function NoticeList({ notices }: { notices: readonly ClinicNotice[] }) {
  return (
    <View className='notice-list'>
      {notices.map((notice) => (
        <Card key={notice._id} className='notice-card'>
          <View className='notice-card__head'>
            <Tag tone='amber'>{KIND_LABELS[notice.kind]}</Tag>
            <Text className='notice-card__title'>{notice.title}</Text>
          </View>
          <Text className='notice-card__body'>{notice.body}</Text>
          <Text className='notice-card__when'>{longInstant(notice.createdAt)}</Text>
        </Card>
      ))}
    </View>
  )
}
