// 排行榜: published works by accepted votes (ties share a rank), paged as the list reaches the bottom;
// typical cases rank within a category, chosen with chips. Once results are out, a link to 结果公示.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import type { SelectionView } from '@/contract/selection'
import { call } from '@/services/client'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ChoiceChips } from '@/components/choice-chips'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../routes'
import { useSelection } from '../hooks/use-selection'
import { useCursorPages } from '../hooks/use-cursor-pages'
import { MoreFooter } from '@/components/more-footer'
import { RankRow } from '../components/rank-row'
import { voteWindow } from '../utils/text'
import { useRouteParams } from '@/hooks/use-route-params'
import '../styles.scss'
import './index.scss'

function Ranking({ selection }: { selection: SelectionView }) {
  const [category, setCategory] = useState(selection.categories[0]?.key ?? '')
  const list = useCursorPages(
    (cursor?: string) => call('selection', 'ranking', { selectionId: selection._id, ...(category ? { category } : {}), ...(cursor ? { cursor } : {}) }),
    `ranking:${selection._id}:${category}`,
  )
  usePullRefresh(list.reload)
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore()
  })
  return (
    <View>
      <Text className='selection-ranking__title'>{selection.title}</Text>
      <Text className='selection-ranking__line'>{voteWindow(selection)}，票数实时更新</Text>
      {selection.results ? (
        <Text className='selection-ranking__results' onClick={() => openPage(selectionRoutes.results(selection._id))}>评选结果已公布，查看结果公示 ›</Text>
      ) : null}
      {selection.categories.length > 0 ? (
        <ChoiceChips options={selection.categories.map((c) => ({ value: c.key, label: c.label }))} selected={[category]} onToggle={setCategory} />
      ) : null}
      <StateGate state={list.first} isEmpty={() => list.items.length === 0} empty={<Empty title='还没有上榜的作品' hint='作品公开展示并获得投票后会出现在这里。' />}>
        {() => (
          <View>
            {list.items.map((entry) => <RankRow key={entry.workId} entry={entry} />)}
            <MoreFooter hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
          </View>
        )}
      </StateGate>
    </View>
  )
}

export default function SelectionRankingPage() {
  const { sel } = useRouteParams()
  const selection = useSelection({ sel })
  return (
    <View className='page selection-ranking'>
      <StateGate state={selection}>{(s) => <Ranking key={s._id} selection={s} />}</StateGate>
    </View>
  )
}
