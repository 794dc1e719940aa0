// 我的作品: every work I submitted, newest first, with its status; 撤回 (confirm first) while it is under
// review or published. The answer replaces the card; a refusal is spelled out in a modal.
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { MyWork } from '@/contract/selection-views'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { Empty, StateGate } from '@/components/state-view'
import { MyWorkCard } from '../components/my-work-card'
import '../styles.scss'
import './index.scss'

function useWithdraw() {
  const [updated, setUpdated] = useState<Record<string, MyWork>>({})
  const [withdrawing, setWithdrawing] = useState<string | null>(null)
  const busy = useRef(false)

  const withdraw = async (work: MyWork) => {
    if (busy.current) return
    busy.current = true
    const answer = await Taro.showModal({
      title: '撤回作品',
      content: `确定撤回「${work.title}」吗？撤回后作品不再展示，已得票数不再计入排名。`,
      confirmText: '确定撤回',
      cancelText: '暂不撤回',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) {
      busy.current = false
      return
    }
    setWithdrawing(work._id)
    const result = await call('selection', 'withdraw', { workId: work._id })
    busy.current = false
    setWithdrawing(null)
    if (result.ok) {
      setUpdated((all) => ({ ...all, [work._id]: result.data }))
      Taro.showToast({ title: '已撤回', icon: 'none' }).catch(() => undefined)
      return
    }
    await Taro.showModal({ title: '撤回失败', content: result.message, showCancel: false }).catch(() => undefined)
  }

  return { withdraw, withdrawing, current: (w: MyWork) => updated[w._id] ?? w, reset: () => setUpdated({}) }
}

export default function ContestMinePage() {
  const state = useResult(() => call('selection', 'myWorks', {}), 'selection.myWorks')
  const { withdraw, withdrawing, current, reset } = useWithdraw()
  const reload = async () => {
    await state.reload()
    reset()
  }
  usePullRefresh(reload)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })

  return (
    <View className='page contest-mine'>
      <StateGate
        state={state}
        isEmpty={(works) => works.length === 0}
        empty={<Empty title='您还没有上传作品' hint='在首页打开一项征集，即可上传照片、视频或申报典型案例。' />}
      >
        {(works) => (
          <View>
            {works.map((work) => (
              <MyWorkCard key={work._id} work={current(work)} withdrawing={withdrawing === work._id} onWithdraw={(w) => void withdraw(w)} />
            ))}
          </View>
        )}
      </StateGate>
    </View>
  )
}
