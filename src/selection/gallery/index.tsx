// 作品展示: the published works of one selection (?sel= or ?kind= from the home strands), ordered 最新 or
// 票数最多, typical cases narrowed to one category, searched by number or title, one cursor page more
// whenever the list reaches the bottom; 查看结果公示 once the results are published.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useReachBottom, useShareAppMessage } from '@tarojs/taro'
import type { SelectionView } from '@/contract/selection'
import { call } from '@/services/client'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput } from '@/components/form-field'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../routes'
import { useSelection } from '../hooks/use-selection'
import { useCursorPages } from '../hooks/use-cursor-pages'
import { MoreFooter } from '@/components/more-footer'
import { SelectionHead } from '../components/selection-head'
import { WorkCard } from '../components/work-card'
import { useRouteParams } from '@/hooks/use-route-params'
import '../styles.scss'
import './index.scss'

const ORDERS = [{ value: 'latest', label: '最新' }, { value: 'votes', label: '票数最多' }] as const
type Order = (typeof ORDERS)[number]['value']

function Works({ selection }: { selection: SelectionView }) {
  const [order, setOrder] = useState<Order>('latest')
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [category, setCategory] = useState('')
  const list = useCursorPages(
    (cursor?: string) => call('selection', 'gallery', {
      selectionId: selection._id, order, ...(category ? { category } : {}), ...(q ? { q } : {}), ...(cursor ? { cursor } : {}),
    }),
    `gallery:${selection._id}:${order}:${category}:${q}`,
  )
  const categories = [{ value: '', label: '全部类别' }, ...selection.categories.map((c) => ({ value: c.key, label: c.label }))]
  usePullRefresh(list.reload)
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore()
  })
  const search = () => setQ(typed.trim())

  return (
    <View>
      <View className='selection-gallery__tools'>
        <ChoiceChips options={ORDERS} selected={[order]} onToggle={(v) => setOrder(v as Order)} />
        {selection.categories.length > 0 ? <ChoiceChips options={categories} selected={[category]} onToggle={setCategory} /> : null}
        <View className='selection-gallery__search'>
          <FieldInput className='selection-gallery__query' value={typed} onChange={setTyped} placeholder='输入编号或标题' maxlength={30} />
          <ActionButton className='selection-gallery__go' onClick={search}>搜索</ActionButton>
        </View>
      </View>
      <StateGate
        state={list.first}
        isEmpty={() => list.items.length === 0}
        empty={q
          ? <Empty title={`没有找到「${q}」`} hint='请核对作品编号或标题。' action={<ActionButton kind='plain' onClick={() => { setTyped(''); setQ('') }}>查看全部作品</ActionButton>} />
          : <Empty title='还没有公开的作品' hint='作品审核通过后会显示在这里，欢迎上传您的作品。' />}
      >
        {() => (
          <View>
            <View className='selection-gallery__grid'>
              {list.items.map((work) => <WorkCard key={work._id} work={work} />)}
            </View>
            <MoreFooter hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
          </View>
        )}
      </StateGate>
    </View>
  )
}

function Gallery({ selection }: { selection: SelectionView }) {
  useShareAppMessage(() => ({ title: selection.title, path: selectionRoutes.gallery(selection._id) }))
  return (
    <View>
      <SelectionHead selection={selection}>
        {selection.canSubmit ? (
          <ActionButton onClick={() => openPage(selectionRoutes.submit(selection._id))}>{selection.kind === 'cases' ? '申报案例' : '上传作品'}</ActionButton>
        ) : null}
        {selection.results ? <ActionButton onClick={() => openPage(selectionRoutes.results(selection._id))}>查看结果公示</ActionButton> : null}
        <View className='selection-gallery__links'>
          <ActionButton kind='plain' className='selection-gallery__link' onClick={() => openPage(selectionRoutes.mine)}>我的作品</ActionButton>
          <ActionButton kind='plain' className='selection-gallery__link' onClick={() => openPage(selectionRoutes.ranking(selection._id))}>排行榜</ActionButton>
        </View>
      </SelectionHead>
      <Text className='selection-gallery__intro'>{selection.intro}</Text>
      <Works selection={selection} />
    </View>
  )
}

export default function SelectionGalleryPage() {
  const { sel, kind } = useRouteParams()
  const selection = useSelection({ sel, kind })
  return (
    <View className='page selection-gallery'>
      <StateGate state={selection}>{(s) => <Gallery key={s._id} selection={s} />}</StateGate>
    </View>
  )
}
