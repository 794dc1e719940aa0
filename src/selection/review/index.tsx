// 作品审核 (organisers only; the server refuses anyone else): works 待审核, 已冻结 and 未通过 from the
// review queue, and 已发布 works from the gallery to freeze. Approve, reject with a reason, freeze; typical
// cases can be marked 已实地考察.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import type { Result } from '@/contract'
import type { SelectionView } from '@/contract/selection'
import type { ReviewItem, WorkCard } from '@/contract/selection-views'
import { call } from '@/services/client'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ChoiceChips } from '@/components/choice-chips'
import { Empty, StateGate } from '@/components/state-view'
import { useSelection } from '../hooks/use-selection'
import { useCursorPages, type CursorPage } from '../hooks/use-cursor-pages'
import { useReview } from '../hooks/use-review'
import { useInspect } from '../hooks/use-inspect'
import { MoreFooter } from '@/components/more-footer'
import { ReviewCard } from '../components/review-card'
import { useRouteParams } from '@/hooks/use-route-params'
import '../styles.scss'
import './index.scss'

const TABS = [
  { value: 'pending', label: '待审核' },
  { value: 'published', label: '已发布' },
  { value: 'frozen', label: '已冻结' },
  { value: 'rejected', label: '未通过' },
] as const
type Tab = (typeof TABS)[number]['value']

const NO_CHECKS = { text: 'pass', mediaPending: 0, mediaReview: 0, mediaRisky: 0, humanReviewVideo: false } as const

function fromCard(card: WorkCard): ReviewItem {
  return {
    _id: card._id, selectionId: card.selectionId, kind: card.kind, status: 'published', number: card.number, title: card.title,
    story: '', imageUrls: card.coverUrl ? [card.coverUrl] : [], checks: { ...NO_CHECKS }, mediaState: 'none', votes: card.votes, createdAt: '',
  }
}

async function loadTab(selectionId: string, tab: Tab, cursor?: string): Promise<Result<CursorPage<ReviewItem>>> {
  const more = cursor ? { cursor } : {}
  if (tab !== 'published') return call('selection', 'reviewQueue', { selectionId, status: tab, ...more })
  const page = await call('selection', 'gallery', { selectionId, order: 'latest', ...more })
  return page.ok ? { ok: true, data: { items: page.data.items.map(fromCard), nextCursor: page.data.nextCursor } } : page
}

function Queue({ selection }: { selection: SelectionView }) {
  const [tab, setTab] = useState<Tab>('pending')
  const list = useCursorPages((cursor?: string) => loadTab(selection._id, tab, cursor), `review:${selection._id}:${tab}`)
  const { decide, decided, busyId, reset } = useReview()
  const inspecting = useInspect()
  const reload = async () => {
    await list.reload()
    reset()
  }
  usePullRefresh(reload)
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore()
  })
  const shown = list.items.filter((item) => !decided[item._id])
  return (
    <View>
      <Text className='selection-review__title'>{selection.title}</Text>
      <ChoiceChips options={TABS} selected={[tab]} onToggle={(v) => {
        reset()
        setTab(v as Tab)
      }} />
      <StateGate state={list.first} isEmpty={() => shown.length === 0} empty={<Empty title='这里没有作品' hint='新上传的作品会出现在「待审核」中。' />}>
        {() => (
          <View>
            {shown.map((item) => (
              <ReviewCard
                key={item._id} item={item} brief={tab === 'published'} busy={busyId === item._id} onDecide={(d, reason) => void decide(item._id, d, reason)}
                inspection={{ marked: inspecting.marked[item._id], busy: inspecting.busyId === item._id, onInspect: (note) => void inspecting.inspect(item._id, note) }}
              />
            ))}
            <MoreFooter hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
          </View>
        )}
      </StateGate>
    </View>
  )
}

export default function SelectionReviewPage() {
  const { sel, kind } = useRouteParams()
  const selection = useSelection({ sel, kind })
  return (
    <View className='page selection-review'>
      <StateGate state={selection}>{(s) => <Queue key={s._id} selection={s} />}</StateGate>
    </View>
  )
}
