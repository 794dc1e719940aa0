// 评选管理 (organisers only; the server refuses the writes of anyone else): one selection's phase and
// windows, links to 作品审核, 投票监控 and 结果公示, the weights of public vote and expert score, and
// publishing the results with a notice period. Opened by id or, from 我的, by kind.
import { Text, View } from '@tarojs/components'
import { RoleGate } from '@/components/role-gate'
import { SELECTION_PHASE_LABELS, type SelectionView } from '@/contract/selection'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { StateGate } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { useSelection } from '../hooks/use-selection'
import { PublishCard } from '../components/publish-card'
import { WeightsCard } from '../components/weights-card'
import { selectionRoutes } from '../routes'
import { voteWindow } from '../utils/text'
import { useRouteParams } from '@/hooks/use-route-params'
import '../styles.scss'
import './index.scss'

function Manage({ selection, reload }: { selection: SelectionView; reload: () => Promise<void> }) {
  usePullRefresh(reload)
  const links = [
    { label: '作品审核', url: selectionRoutes.review(selection._id) },
    { label: '投票监控', url: selectionRoutes.watch(selection._id) },
    { label: '结果公示', url: selectionRoutes.results(selection._id) },
  ]
  return (
    <View>
      <View className='selection-manage__head'>
        <Text className='selection-manage__title'>{selection.title}</Text>
        <Tag tone={selection.results ? 'grey' : 'red'}>{SELECTION_PHASE_LABELS[selection.phase]}</Tag>
      </View>
      <Text className='selection-manage__line'>{voteWindow(selection)}</Text>
      <View className='selection-manage__links'>
        {links.map((link) => (
          <ActionButton key={link.label} kind='plain' className='selection-manage__link' onClick={() => openPage(link.url)}>{link.label}</ActionButton>
        ))}
      </View>
      {selection.kind === 'cases' ? (
        <WeightsCard key={`${selection.weights.vote}-${Boolean(selection.results)}`} selection={selection} onSaved={() => void reload()} />
      ) : (
        <Text className='selection-manage__line'>本评选没有专家评分环节：最终得分 = 网络投票得分（票数 ÷ 最高票数 × 100）。</Text>
      )}
      <PublishCard selection={selection} onPublished={() => void reload()} />
    </View>
  )
}

export default function SelectionManagePage() {
  const { sel, kind } = useRouteParams()
  const selection = useSelection({ sel, kind })
  return (
    <View className='page selection-manage'>
      <RoleGate roles={['organiser']} title='此功能仅限文化节组委会使用' hint='评分权重和结果发布由组委会负责；如需开通，请联系文化节组委会。'>
        {() => <StateGate state={selection}>{(s) => <Manage key={s._id} selection={s} reload={selection.reload} />}</StateGate>}
      </RoleGate>
    </View>
  )
}
