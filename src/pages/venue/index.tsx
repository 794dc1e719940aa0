// A sub-venue: host, organisers, address with map/navigation, theme, a link to its clinic slots, intro
// and the programme by day (coming events first, ended ones folded).
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import type { VenueDetail } from '@/contract'
import { useAction } from '@/hooks/use-action'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { EventProgramme } from '@/components/event-timeline'
import { InfoRow } from '@/components/info-row'
import { PhaseBadge } from '@/components/phase-badge'
import { Section } from '@/components/section'
import { Empty, StateGate } from '@/components/state-view'
import { openMap } from '../../utils/open-map'
import { openPage, openTab, routes } from '@/utils/nav'
import { clinicRoutes } from '../../clinic/routes'
import { formatDateRange } from '@/utils/time'
import { useRouteParams } from '@/hooks/use-route-params'
import './index.scss'

function VenueContent({ detail }: { detail: VenueDetail }) {
  const { venue, events } = detail
  return (
    <View>
      <Card className='venue-head'>
        <View className='venue-head__row'>
          <Text className='venue-head__name'>{venue.name}</Text>
          <PhaseBadge phase={venue.phase} />
        </View>
        <Text className='venue-head__host'>{venue.host}</Text>
        <Text className='venue-head__dates'>📅 {formatDateRange(venue.startDate, venue.endDate)}</Text>
        {venue.theme ? <Text className='venue-head__theme'>主题：{venue.theme}</Text> : null}
      </Card>
      <Section title='基本信息'>
        <Card>
          <InfoRow label='承办医院'>{venue.host}</InfoRow>
          {venue.organisers.length > 0 ? <InfoRow label='主办单位'>{venue.organisers.join('、')}</InfoRow> : null}
          <InfoRow label='活动地点'>{venue.place}</InfoRow>
          <InfoRow label='详细地址'>{venue.address}</InfoRow>
          {venue.phone ? <InfoRow label='咨询电话'>{venue.phone}</InfoRow> : null}
          <ActionButton kind='plain' className='venue-map-button' onClick={() => openMap({
            name: venue.place, address: venue.address, latitude: venue.latitude, longitude: venue.longitude,
          })}>
            查看地图/导航
          </ActionButton>
        </Card>
      </Section>
      <Card className='venue-clinic-link' onClick={() => openPage(clinicRoutes.venueSlots(venue._id))}>
        <Text className='venue-clinic-link__title'>本分会场义诊报名 ›</Text>
        <Text className='venue-clinic-link__hint'>查看{venue.name}可报名的专家义诊场次</Text>
      </Card>
      {venue.intro ? (
        <Section title='分会场介绍'>
          <Text className='paragraph'>{venue.intro}</Text>
        </Section>
      ) : null}
      <Section title='活动日程'>
        {events.length > 0
          ? <EventProgramme events={events} />
          : <Empty title='日程即将公布' hint='分会场公布活动安排后会显示在这里。' />}
      </Section>
    </View>
  )
}

function VenueLoader({ id }: { id: string }) {
  const state = useAction('festival', 'venue', { venueId: id })
  usePullRefresh(state.reload)
  const name = state.data?.venue.name
  useEffect(() => {
    if (name) Taro.setNavigationBarTitle({ title: name }).catch(() => undefined)
  }, [name])
  useShareAppMessage(() => ({ title: name ?? '分会场', path: routes.venue(id) }))
  return <StateGate state={state}>{(detail) => <VenueContent detail={detail} />}</StateGate>
}

export default function VenuePage() {
  const id = useRouteParams().id ?? ''
  return (
    <View className='page venue-page'>
      {id ? <VenueLoader key={id} id={id} /> : (
        <Empty
          title='没有指定分会场'
          hint='请从分会场列表中选择。'
          action={<ActionButton onClick={() => openTab(routes.venues)}>查看分会场</ActionButton>}
        />
      )}
    </View>
  )
}
