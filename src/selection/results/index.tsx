// 结果公示 (public): once a selection's results are published, the ranked entries — per category for
// typical cases — with votes, vote score, expert score, final score and each entry's working, above
// them the formula, the end of the notice period and how to raise an objection. Before publication it
// says when the results will come.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { SELECTION_PHASE_LABELS, type ResultsInfo, type SelectionView } from '@/contract/selection'
import { call } from '@/services/client'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ChoiceChips } from '@/components/choice-chips'
import { Empty, StateGate } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { useSelection } from '../hooks/use-selection'
import { useCursorPages } from '../hooks/use-cursor-pages'
import { MoreFooter } from '@/components/more-footer'
import { ResultRow } from '../components/result-row'
import { lastDay } from '../utils/text'
import { noticeLine } from '../utils/score-text'
import { useRouteParams } from '@/hooks/use-route-params'
import '../styles.scss'
import './index.scss'

/** Objections go to the organising committee (the festival data names no other contact). */
const CONTACT = '组委会'

function Pending({ selection }: { selection: SelectionView }) {
  const how = selection.weights.expert > 0 ? '汇总网络投票和专家评分' : '核对网络投票'
  const when = selection.phase === 'judging'
    ? `投票已经结束，${CONTACT}正在${how}，结果发布后将在这里公示 ${selection.noticeDays} 天。`
    : `投票截至 ${lastDay(selection.windows.voteUntil)}。投票结束后，${CONTACT}将${how}并发布结果，在这里公示 ${selection.noticeDays} 天。`
  return <Empty title='评选结果尚未公布' hint={when} />
}

function Notice({ selection, results }: { selection: SelectionView; results: ResultsInfo }) {
  const open = selection.phase === 'notice'
  return (
    <View className='selection-results__notice'>
      <View className='selection-results__top'>
        <Text className='selection-results__title'>{selection.title}</Text>
        <Tag tone={open ? 'red' : 'grey'}>{SELECTION_PHASE_LABELS[selection.phase]}</Tag>
      </View>
      <Text className='selection-results__line'>{open ? noticeLine(results.noticeUntil) : `公示期已于 ${lastDay(results.noticeUntil)} 结束，结果正式公布`}</Text>
      <Text className='selection-results__formula'>{results.formula}</Text>
      {open ? (
        <Text className='selection-results__line'>
          对结果有异议的，请在公示期内向{CONTACT}实名反映，写明作品编号、异议理由和联系方式，{CONTACT}将核实后答复。
        </Text>
      ) : null}
    </View>
  )
}

function Entries({ selection }: { selection: SelectionView }) {
  const [category, setCategory] = useState(selection.categories[0]?.key ?? '')
  const list = useCursorPages(
    (cursor?: string) => call('selection', 'results', { selectionId: selection._id, ...(category ? { category } : {}), ...(cursor ? { cursor } : {}) }),
    `results:${selection._id}:${category}`,
  )
  usePullRefresh(list.reload)
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore()
  })
  return (
    <View>
      {selection.categories.length > 0 ? (
        <ChoiceChips options={selection.categories.map((c) => ({ value: c.key, label: c.label }))} selected={[category]} onToggle={setCategory} />
      ) : null}
      <StateGate state={list.first} isEmpty={() => list.items.length === 0} empty={<Empty title='这一组没有参评作品' hint='请查看其他类别。' />}>
        {() => (
          <View>
            {list.items.map((entry) => <ResultRow key={entry.workId} entry={entry} />)}
            <MoreFooter hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
          </View>
        )}
      </StateGate>
    </View>
  )
}

export default function SelectionResultsPage() {
  const { sel, kind } = useRouteParams()
  const selection = useSelection({ sel, kind })
  usePullRefresh(selection.reload)
  return (
    <View className='page selection-results'>
      <StateGate state={selection}>
        {(s) => s.results ? (
          <View key={s._id}>
            <Notice selection={s} results={s.results} />
            <Entries selection={s} />
          </View>
        ) : <Pending key={s._id} selection={s} />}
      </StateGate>
    </View>
  )
}
