// 妇幼健康智库: the expert directory, narrowed to one specialty with the chips.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { useAction } from '@/hooks/use-action'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ChoiceChips } from '@/components/choice-chips'
import { Empty, StateGate } from '@/components/state-view'
import { ExpertCard } from '../components/expert-card'
import { learnRoutes } from '../routes'
import '../styles.scss'

export default function ExpertsPage() {
  const [specialty, setSpecialty] = useState('')
  const state = useAction('content', 'experts', specialty ? { specialty } : {})
  const [known, setKnown] = useState<string[]>([])
  const shown = state.data?.specialties
  useEffect(() => {
    if (shown) setKnown(shown)
  }, [shown])
  const specialties = shown ?? known
  usePullRefresh(state.reload)
  useShareAppMessage(() => ({ title: '妇幼健康智库', path: learnRoutes.experts }))
  const options = [{ value: '', label: '全部' }, ...specialties.map((s) => ({ value: s, label: s }))]
  return (
    <View className='page learn-experts'>
      <Text className='learn-intro'>汇聚妇幼健康领域的专家，了解他们的专长、主讲课程和参与的活动。</Text>
      <ChoiceChips options={options} selected={[specialty]} onToggle={setSpecialty} />
      <StateGate
        state={state}
        isEmpty={(data) => data.items.length === 0}
        empty={<Empty title='暂无专家' hint={specialty ? '换个专长试试。' : '智库专家公布后会显示在这里。'} />}
      >
        {(data) => <View>{data.items.map((expert) => <ExpertCard key={expert._id} expert={expert} />)}</View>}
      </StateGate>
    </View>
  )
}
