// Festival home: banner, intro, organising bodies, the strands as tiles and the sub-venues.
// One call (festival.home); pull down to refresh.
import { Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import type { FestivalView, HomeView } from '@/contract'
import { useAction } from '@/hooks/use-action'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { FestivalBanner } from '@/components/festival-banner'
import { InfoRow } from '@/components/info-row'
import { Section } from '@/components/section'
import { Empty, StateGate } from '@/components/state-view'
import { StrandGrid } from '@/components/strand-grid'
import { VenueCard } from '@/components/venue-card'
import { openPage, openTab, routes } from '@/utils/nav'
import { learnRoutes } from '../../learn/routes'
import './index.scss'

function Bodies({ festival }: { festival: FestivalView }) {
  const rows: Array<[string, string[]]> = [
    ['指导单位', festival.guides],
    ['主办单位', festival.hosts],
    ['协办单位', festival.coOrganisers],
  ]
  return (
    <Card className='festival-bodies'>
      {rows.filter(([, names]) => names.length > 0).map(([label, names]) => (
        <InfoRow key={label} label={label}>{names.join('、')}</InfoRow>
      ))}
    </Card>
  )
}

function Festival({ home, festival }: { home: HomeView; festival: FestivalView }) {
  return (
    <View>
      <FestivalBanner festival={festival} />
      <Section title='活动简介' extra={<Text className='home-more' onClick={() => openPage(learnRoutes.editions)}>往届回顾 ›</Text>}>
        <Text className='paragraph'>{festival.intro}</Text>
      </Section>
      <Section title='组织单位'>
        <Bodies festival={festival} />
      </Section>
      {festival.strands.length > 0 ? (
        <Section title='精彩活动'>
          <StrandGrid strands={festival.strands} />
        </Section>
      ) : null}
      <Section
        title='分会场'
        extra={<Text className='home-more' onClick={() => openTab(routes.venues)}>全部分会场 ›</Text>}
      >
        {home.venues.length > 0
          ? home.venues.map((venue) => <VenueCard key={venue._id} venue={venue} />)
          : <Text className='paragraph muted'>分会场信息即将公布。</Text>}
      </Section>
    </View>
  )
}

export default function Home() {
  const state = useAction('festival', 'home', {})
  usePullRefresh(state.reload)
  useShareAppMessage(() => ({ title: state.data?.festival?.name ?? '妇幼健康公益文化节', path: routes.home }))
  return (
    <View className='page home-page'>
      <StateGate
        state={state}
        isEmpty={(home) => home.festival === null}
        empty={
          <Empty
            title='文化节还未发布'
            hint='活动信息发布后会显示在这里，请稍后再来看看。'
            action={<ActionButton kind='plain' onClick={() => void state.reload()}>刷新</ActionButton>}
          />
        }
      >
        {(home) => (home.festival ? <Festival home={home} festival={home.festival} /> : null)}
      </StateGate>
    </View>
  )
}
