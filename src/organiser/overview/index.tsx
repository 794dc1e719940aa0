// 数据概览: the festival's figures as charts (uCharts on a canvas, each also as a table) — sign-ups per day and venue,
// attendance and no-shows per slot, offers claimed and redeemed, works by status, votes per day, lecture views — for
// the whole festival or one venue; staff see their own venue (the server decides).
import { useState } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { Me, Overview } from '@/contract'
import { useAction } from '@/hooks/use-action'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ChoiceChips } from '@/components/choice-chips'
import { RoleGate } from '@/components/role-gate'
import { Section } from '@/components/section'
import { StateGate } from '@/components/state-view'
import { OverviewChartView } from '../components/chart/overview-chart'
import '../styles.scss'

function Charts({ festivalId, venueId }: { festivalId: string; venueId: string }) {
  const state = useAction('content', 'overview', venueId ? { festivalId, venueId } : { festivalId })
  usePullRefresh(state.reload)
  const fresh = (o: Overview) => (o.figuresCatchUp
    ? `义诊数据正在更新（已完成 ${o.figuresCatchUp.done} / ${o.figuresCatchUp.total} 个场次）`
    : o.figuresAt ? `义诊数据更新于 ${o.figuresAt.slice(11, 16)}（每 5 分钟更新）` : null)
  return (
    <StateGate state={state}>
      {(o) => {
        const note = fresh(o)
        return <View>{note ? <View className='hint'>{note}</View> : null}{o.charts.map((c) => <OverviewChartView key={c.key} chart={c} />)}</View>
      }}
    </StateGate>
  )
}

function Board({ me, festivalId }: { me: Me; festivalId: string }) {
  const venues = useAction('festival', 'venues', { festivalId })
  const [venueId, setVenueId] = useState(me.role === 'staff' ? me.venueId ?? '' : '')
  return (
    <View>
      {me.role === 'organiser' ? (
        <Section title='范围'>
          <StateGate state={venues}>
            {(list) => (
              <ChoiceChips
                options={[{ value: '', label: '全部分会场' }, ...list.map((v) => ({ value: v._id, label: v.name }))]}
                selected={[venueId]}
                onToggle={setVenueId}
              />
            )}
          </StateGate>
        </Section>
      ) : null}
      <Charts key={venueId} festivalId={festivalId} venueId={venueId} />
    </View>
  )
}

export default function OverviewPage() {
  const festivalId = useRouter().params.festivalId ?? ''
  return (
    <View className='page organiser-overview'>
      <RoleGate roles={['organiser', 'staff']} title='此页面供文化节组委会和分会场工作人员使用'>
        {(me) => <Board me={me} festivalId={festivalId} />}
      </RoleGate>
    </View>
  )
}
