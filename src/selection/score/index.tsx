// 案例评审 (experts only; the server refuses anyone else): the published typical cases of the categories
// the organisers gave this expert, ten at a time, each with the expert's own score to enter or change.
// Someone who is not an expert (or has no categories yet) is told to bind with an invite code, and the
// list reloads once they have.
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import type { SelectionView } from '@/contract/selection'
import { call } from '@/services/client'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { useReloadOn } from '@/hooks/use-reload-on'
import { IDENTITY_CHANGED } from '@/utils/app-events'
import { ActionButton } from '@/components/action-button'
import { MoreFooter } from '@/components/more-footer'
import { Empty, ErrorState, Loading, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { staffRoutes } from '../../staff/routes'
import { useSelection } from '../hooks/use-selection'
import { useCursorPages } from '../hooks/use-cursor-pages'
import { CaseScoreCard } from '../components/case-score-card'
import { useRouteParams } from '@/hooks/use-route-params'
import '../styles.scss'
import './index.scss'

function Cases({ selection }: { selection: SelectionView }) {
  const list = useCursorPages(
    (cursor?: string) => call('selection', 'expertCases', { selectionId: selection._id, ...(cursor ? { cursor } : {}) }),
    `score:${selection._id}`,
  )
  usePullRefresh(list.reload)
  // Binding an invite (输入邀请码 below) makes this person an expert: coming back shows their cases.
  useReloadOn(IDENTITY_CHANGED, list.reload)
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore()
  })
  const labels = Object.fromEntries(selection.categories.map((c) => [c.key, c.label]))
  const { first } = list
  if (first.status === 'loading') return <Loading />
  if (first.status === 'error') {
    if (first.error.code !== 'FORBIDDEN' && first.error.code !== 'UNAUTHENTICATED') {
      return <ErrorState message={first.error.message} onRetry={() => void list.reload()} />
    }
    return (
      <Empty
        title={first.error.message}
        hint='评审专家由组委会发放邀请码，绑定后即可评分。'
        action={<ActionButton onClick={() => openPage(staffRoutes.redeem)}>输入邀请码</ActionButton>}
      />
    )
  }
  if (list.items.length === 0) return <Empty title='暂时没有待评审的案例' hint='您负责类别的案例审核通过后会出现在这里。' />
  return (
    <View>
      {list.items.map((item) => (
        <CaseScoreCard key={item.workId} item={item} categoryLabel={labels[item.category] ?? item.category} locked={Boolean(selection.results)} />
      ))}
      <MoreFooter hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
    </View>
  )
}

export default function SelectionScorePage() {
  const { sel, kind } = useRouteParams()
  const selection = useSelection(sel ? { sel } : { kind: kind ?? 'cases' })
  return (
    <View className='page selection-score'>
      <StateGate state={selection}>
        {(s) => (
          <View>
            <Text className='selection-score__title'>{s.title}</Text>
            <Text className='selection-score__hint'>{s.results
              ? '评选结果已经公布：以下是您的评分，不能再修改。'
              : '每件案例打 0–100 分（整数），只有您自己能看到您的评分；结果公布前可以修改。'}</Text>
            <Cases key={s._id} selection={s} />
          </View>
        )}
      </StateGate>
    </View>
  )
}
