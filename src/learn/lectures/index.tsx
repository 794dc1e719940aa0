// 科普大讲堂: recorded lectures by topic (孕期/产后/儿童/妇女/更年期) or search words, newest first, with
// 已看 marks; paged with 加载更多. From an expert's page it lists that expert's lectures.
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { LECTURE_TOPIC_LABELS, LECTURE_TOPICS, type LectureCard as Card, type LecturePage, type LectureTopic } from '@/contract'
import { call } from '@/services/client'
import { usePagedList } from '@/hooks/use-paged-list'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { ChoiceChips } from '@/components/choice-chips'
import { MoreFooter } from '@/components/more-footer'
import { Empty, StateGate } from '@/components/state-view'
import { LectureCard } from '../components/lecture-card'
import { learnRoutes } from '../routes'
import '../styles.scss'

const TOPIC_OPTIONS = [{ value: '', label: '全部' }, ...LECTURE_TOPICS.map((t) => ({ value: t, label: LECTURE_TOPIC_LABELS[t] }))]

export default function LecturesPage() {
  const speakerId = useRouter().params.speaker || undefined
  const [topic, setTopic] = useState<LectureTopic | ''>('')
  const [draft, setDraft] = useState('')
  const [q, setQ] = useState('')
  const list = usePagedList<LecturePage, Card>(JSON.stringify({ topic, q, speakerId }), {
    load: (after) => call('content', 'lectures', {
      ...(topic ? { topic } : {}), ...(q ? { q } : {}), ...(speakerId ? { speakerId } : {}), ...(after?.nextCursor ? { cursor: after.nextCursor } : {}),
    }),
    items: (page) => page.items,
    hasNext: (page) => page.nextCursor !== null,
    idOf: (lecture) => lecture._id,
  })
  usePullRefresh(list.reload)
  useShareAppMessage(() => ({ title: '妇幼健康科普大讲堂', path: learnRoutes.lectures }))
  useShareTimeline(() => ({ title: '妇幼健康科普大讲堂' }))

  const search = () => setQ(draft.trim().slice(0, 30))
  const clear = () => {
    setTopic('')
    setDraft('')
    setQ('')
  }
  const filtered = Boolean(topic || q)
  return (
    <View className='page learn-lectures'>
      <Text className='learn-intro'>妇幼健康专家录制的科普课程，随时观看，下次打开从上次看到的地方继续。</Text>
      <View className='learn-search'>
        <Input
          className='learn-search__input'
          value={draft}
          maxlength={30}
          placeholder='搜索课程、专家或关键词'
          confirmType='search'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        <ActionButton className='learn-search__go' onClick={search}>搜索</ActionButton>
      </View>
      <ChoiceChips options={TOPIC_OPTIONS} selected={[topic]} onToggle={(value) => setTopic(value as LectureTopic | '')} />
      <StateGate
        state={list.first}
        isEmpty={() => list.items.length === 0}
        empty={(
          <Empty
            title={filtered ? '没有找到相关课程' : '暂无课程'}
            hint={filtered ? '换个主题或关键词试试。' : '专家录制的课程上线后会显示在这里。'}
            action={filtered ? <ActionButton kind='plain' onClick={clear}>清除筛选</ActionButton> : undefined}
          />
        )}
      >
        {() => (
          <View>
            {list.items.map((lecture) => <LectureCard key={lecture._id} lecture={lecture} />)}
            <MoreFooter hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
          </View>
        )}
      </StateGate>
    </View>
  )
}
