// Festival events a lecture or an expert belongs to, each opening the event page.
import { Text, View } from '@tarojs/components'
import { EVENT_KIND_LABELS, type EventRef } from '@/contract'
import { Section } from '@/components/section'
import { openPage, routes } from '@/utils/nav'
import { formatTimeRange } from '@/utils/time'

export function EventLinks({ title, events }: { title: string; events: EventRef[] }) {
  if (events.length === 0) return null
  return (
    <Section title={title}>
      {events.map((event) => (
        <View key={event._id} className='event-link' hoverClass='event-link--pressed' onClick={() => openPage(routes.event(event._id))}>
          <Text className='event-link__title'>{event.title}</Text>
          <Text className='event-link__meta'>{EVENT_KIND_LABELS[event.kind]} · {formatTimeRange(event.startAt)} · {event.place}</Text>
        </View>
      ))}
    </Section>
  )
}
