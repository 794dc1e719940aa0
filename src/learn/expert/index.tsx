// One expert of the think-tank: photo (with consent), title, hospital, specialties, introduction, the
// lectures they gave and the festival events they take part in.
import { useEffect } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import type { ExpertDetail } from '@/contract'
import { useAction } from '@/hooks/use-action'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { Section } from '@/components/section'
import { Empty, StateGate } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { EventLinks } from '../components/event-links'
import { LectureCard } from '../components/lecture-card'
import { learnRoutes } from '../routes'
import '../styles.scss'

function ExpertContent({ detail }: { detail: ExpertDetail }) {
  const { expert, lectures, events } = detail
  return (
    <View>
      <Card className='expert-head'>
        {expert.photoUrl ? <Image className='expert-head__photo' src={expert.photoUrl} mode='aspectFill' /> : null}
        <Text className='expert-head__name'>{expert.name}</Text>
        <Text className='expert-head__meta'>{expert.title} · {expert.hospital}</Text>
        <View className='expert-card__tags'>{expert.specialties.map((s) => <Tag key={s} tone='amber'>{s}</Tag>)}</View>
      </Card>
      <Section title='专家简介'>
        <Text className='paragraph'>{expert.bio}</Text>
      </Section>
      <Section title='主讲课程'>
        {lectures.length > 0 ? lectures.map((l) => <LectureCard key={l._id} lecture={l} />) : <Text className='learn-none'>暂无课程</Text>}
      </Section>
      <EventLinks title='参与的活动' events={events} />
    </View>
  )
}

function ExpertLoader({ id }: { id: string }) {
  const state = useAction('content', 'expert', { expertId: id })
  const name = state.data?.expert.name
  useEffect(() => {
    if (name) Taro.setNavigationBarTitle({ title: name }).catch(() => undefined)
  }, [name])
  useShareAppMessage(() => ({ title: name ? `妇幼健康智库 · ${name}` : '妇幼健康智库', path: learnRoutes.expert(id) }))
  return <StateGate state={state}>{(detail) => <ExpertContent detail={detail} />}</StateGate>
}

export default function ExpertPage() {
  const id = useRouter().params.id ?? ''
  return (
    <View className='page learn-expert'>
      {id ? <ExpertLoader id={id} /> : (
        <Empty title='没有指定专家' hint='请从妇幼健康智库中选择。' action={<ActionButton onClick={() => openPage(learnRoutes.experts)}>查看智库专家</ActionButton>} />
      )}
    </View>
  )
}
