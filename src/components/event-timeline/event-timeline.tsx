// A sub-venue's programme as a timeline grouped by China day (6月25日 周六); each item opens the event.
import { Text, View } from '@tarojs/components'
import { EVENT_KIND_LABELS, type FestivalEvent } from '@/contract'
import { formatSlot, groupByChinaDay } from '@/utils/time'
import { openPage, routes } from '@/utils/nav'
import { Tag } from '../tag'

export function EventTimeline({ events }: { events: FestivalEvent[] }) {
  return (
    <View className='event-timeline'>
      {groupByChinaDay(events).map((day) => (
        <View key={day.key} className='timeline-day'>
          <Text className='timeline-day__heading'>{day.heading}</Text>
          {day.items.map((event) => (
            <View
              key={event._id}
              className='timeline-item'
              hoverClass='timeline-item--pressed'
              onClick={() => openPage(routes.event(event._id))}
            >
              <Text className='timeline-item__time'>{formatSlot(event.startAt, event.endAt)}</Text>
              <Text className='timeline-item__title'>{event.title}</Text>
              <View className='timeline-item__meta'>
                <Tag>{EVENT_KIND_LABELS[event.kind]}</Tag>
                <Text className='timeline-item__place'>{event.place}</Text>
              </View>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
