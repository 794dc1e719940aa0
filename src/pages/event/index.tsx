// One event: title, kind, China-time range, place, 提醒我, its sub-venue (link), description, clinic services;
// a 义诊 event links to its sub-venue's clinic slots.
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { EVENT_KIND_LABELS, type EventDetail } from '@/contract'
import { EventReminderControl } from '@/components/event-reminder'
import { useAction } from '@/hooks/use-action'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { Section } from '@/components/section'
import { Empty, StateGate } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { openMap } from '../../utils/open-map'
import { openPage, openTab, routes } from '@/utils/nav'
import { clinicRoutes } from '../../clinic/routes'
import { formatTimeRange } from '@/utils/time'
import { useRouteParams } from '@/hooks/use-route-params'
import './index.scss'

function EventContent({ detail }: { detail: EventDetail }) {
  const { event, venue } = detail
  const services = event.services ?? []
  return (
    <View>
      <Card className='event-head'>
        <Tag>{EVENT_KIND_LABELS[event.kind]}</Tag>
        <Text className='event-head__title'>{event.title}</Text>
        <InfoRow label='时间'>{formatTimeRange(event.startAt, event.endAt)}</InfoRow>
        <InfoRow label='地点'>{event.place}</InfoRow>
        <ActionButton kind='plain' onClick={() => openMap({
          name: event.place, address: venue.address, latitude: venue.latitude, longitude: venue.longitude,
        })}>
          查看地图/导航
        </ActionButton>
      </Card>
      <EventReminderControl eventId={event._id} startAt={event.startAt} />
      <Card className='event-venue-link' onClick={() => openPage(routes.venue(venue._id))}>
        <Text className='event-venue-link__label'>所属分会场</Text>
        <Text className='event-venue-link__name'>{venue.name}</Text>
        <Text className='event-venue-link__host'>{venue.host}</Text>
      </Card>
      {event.kind === 'clinic' ? (
        <ActionButton className='event-clinic-link' onClick={() => openPage(clinicRoutes.venueSlots(venue._id))}>
          报名本分会场义诊
        </ActionButton>
      ) : null}
      {services.length > 0 ? (
        <Section title='服务项目'>
          <View className='event-services'>
            {services.map((service) => <Tag key={service}>{service}</Tag>)}
          </View>
        </Section>
      ) : null}
      {event.description ? (
        <Section title='活动介绍'>
          <Text className='paragraph'>{event.description}</Text>
        </Section>
      ) : null}
    </View>
  )
}

function EventLoader({ id }: { id: string }) {
  const state = useAction('festival', 'event', { eventId: id })
  const title = state.data?.event.title
  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])
  useShareAppMessage(() => ({ title: title ?? '活动详情', path: routes.event(id) }))
  return <StateGate state={state}>{(detail) => <EventContent detail={detail} />}</StateGate>
}

export default function EventPage() {
  const id = useRouteParams().id ?? ''
  return (
    <View className='page event-page'>
      {id ? <EventLoader key={id} id={id} /> : (
        <Empty
          title='没有指定活动'
          hint='请从分会场的活动日程中选择。'
          action={<ActionButton onClick={() => openTab(routes.venues)}>查看分会场</ActionButton>}
        />
      )}
    </View>
  )
}
