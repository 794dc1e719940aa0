// 我的作品: every work I submitted, newest first, with its status; 撤回 (confirm first) while it is under
// review or published; 修改后重新提交 for a rejected one while its selection takes submissions. The
// answer replaces the card; a refusal is spelled out in a modal.
import { View } from '@tarojs/components'
import { ok, type Result } from '@/contract'
import type { MyWork } from '@/contract/selection-views'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { useItemAction } from '@/hooks/use-item-action'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { Empty, StateGate } from '@/components/state-view'
import { MyWorkCard } from '../components/my-work-card'
import '../styles.scss'
import './index.scss'

interface MineView {
  works: MyWork[]
  /** Selections taking submissions now (a rejected work of theirs may be resubmitted). */
  open: Set<string>
}

/** The works decide the page; the selections only say where resubmitting is still possible. */
async function loadMine(): Promise<Result<MineView>> {
  const [works, selections] = await Promise.all([call('selection', 'myWorks', {}), call('selection', 'selections', {})])
  if (!works.ok) return works
  const open = new Set(selections.ok ? selections.data.filter((s) => s.canSubmit).map((s) => s._id) : [])
  return ok({ works: works.data, open })
}

function useWithdraw() {
  return useItemAction<MyWork>({
    confirm: (work) => ({
      title: '撤回作品',
      content: `确定撤回「${work.title}」吗？撤回后作品不再展示，已得票数不再计入排名。`,
      confirmText: '确定撤回',
      cancelText: '暂不撤回',
    }),
    act: (work) => call('selection', 'withdraw', { workId: work._id }),
    doneToast: '已撤回',
    failTitle: '撤回失败',
  })
}

export default function SelectionMinePage() {
  const state = useResult(loadMine, 'selection.myWorks')
  const { run: withdraw, running: withdrawing, current, reset } = useWithdraw()
  useReloadOnReturn(async () => {
    await state.reload()
    reset()
  })

  return (
    <View className='page selection-mine'>
      <StateGate
        state={state}
        isEmpty={({ works }) => works.length === 0}
        empty={<Empty title='您还没有上传作品' hint='在首页打开一项征集，即可上传照片、视频或申报典型案例。' />}
      >
        {({ works, open }) => (
          <View>
            {works.map((work) => (
              <MyWorkCard
                key={work._id}
                work={current(work)}
                withdrawing={withdrawing === work._id}
                onWithdraw={(w) => void withdraw(w)}
                canResubmit={open.has(work.selectionId)}
              />
            ))}
          </View>
        )}
      </StateGate>
    </View>
  )
}
