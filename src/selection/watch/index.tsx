// 投票监控 (organisers only; the server refuses anyone else): each work's votes over the recent period
// in buckets of 5, 15 or 60 minutes, flagged works first with the server's Chinese flags; from a flagged
// bucket (or any bucket picked on a strip) the organiser opens 作废投票 for that work and range.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SelectionView } from '@/contract/selection'
import type { RecountProgress, VoteWatch, WatchBucket, WatchedWork } from '@/contract/selection-views'
import { shortInstant } from '@/utils/time'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { ChoiceChips } from '@/components/choice-chips'
import { Empty, StateGate } from '@/components/state-view'
import { useSelection } from '../hooks/use-selection'
import { WatchCard } from '../components/watch-card'
import { VoidForm, type VoidTarget } from '../components/void-form'
import { WATCH_SPANS, watchWindow } from '../utils/clock'
import { useRouteParams } from '../../hooks/use-route-params'
import '../styles.scss'
import './index.scss'

const PAGE = 20
const SPAN_OPTIONS = WATCH_SPANS.map((s) => ({ value: String(s.minutes), label: s.label }))

const flaggedFirst = (works: WatchedWork[]) => [...works].sort((a, b) => Number(b.flags.length > 0) - Number(a.flags.length > 0))

/** How the full recount of the votes stands: under way with its progress, or when it last finished. */
function recountLine(recount: RecountProgress | undefined): string | null {
  if (recount?.running) return `计票校对中：已处理 ${recount.scanned} / ${recount.total} 位投票人的记录`
  if (recount?.finishedAt) return `票数最近一次全面校对完成于 ${shortInstant(recount.finishedAt)}`
  return null
}

function Works({ watch, onVoid }: { watch: VoteWatch; onVoid: (work: WatchedWork, bucket: WatchBucket) => void }) {
  const [shown, setShown] = useState(PAGE)
  const works = flaggedFirst(watch.works)
  const { totalVotes: total, worksWithVotes, flaggedWorks: flagged } = watch
  const window = { from: watch.from, to: watch.to, bucketMinutes: watch.bucketMinutes }
  return (
    <View>
      <Text className='selection-watch__summary'>
        这段时间共 {total} 票，{worksWithVotes} 件作品获得投票，{flagged > 0 ? `${flagged} 件有异常，已排在最前` : '未发现异常'}
        {worksWithVotes > works.length ? `（列出异常和票数最多的 ${works.length} 件）` : ''}
      </Text>
      {watch.coveredUntil < watch.to ? <Text className='selection-watch__hint'>票数统计至 {shortInstant(watch.coveredUntil)}，之后的投票约 10 分钟内计入</Text> : null}
      {recountLine(watch.recount) ? <Text className='selection-watch__hint'>{recountLine(watch.recount)}</Text> : null}
      {works.slice(0, shown).map((work) => (
        <WatchCard key={work.workId} work={work} window={window} onVoid={(bucket) => onVoid(work, bucket)} />
      ))}
      {works.length > shown ? <ActionButton kind='plain' onClick={() => setShown(shown + PAGE)}>显示更多作品</ActionButton> : null}
    </View>
  )
}

function Watch({ selection }: { selection: SelectionView }) {
  const [minutes, setMinutes] = useState<number>(WATCH_SPANS[0].minutes)
  const [stamp, setStamp] = useState(() => Date.now())
  const [voiding, setVoiding] = useState<{ target: VoidTarget; bucket: WatchBucket } | null>(null)
  const span = WATCH_SPANS.find((s) => s.minutes === minutes) ?? WATCH_SPANS[0]
  const range = watchWindow(span.minutes, span.hours, stamp)
  const watch = useResult(
    () => call('selection', 'voteWatch', { selectionId: selection._id, bucketMinutes: span.minutes, ...range }),
    `watch:${selection._id}:${span.minutes}:${stamp}`,
  )
  const refresh = async () => setStamp(Date.now())
  usePullRefresh(refresh)

  if (voiding) {
    return (
      <VoidForm
        selectionId={selection._id}
        target={voiding.target}
        bucket={voiding.bucket}
        bucketMinutes={span.minutes}
        onClose={(changed) => {
          setVoiding(null)
          if (changed) void refresh()
        }}
      />
    )
  }
  return (
    <View>
      <Text className='selection-watch__title'>{selection.title}</Text>
      <Text className='selection-watch__hint'>柱高为每段票数，黄色部分来自当天首次投票的账号，红底为异常时段；点柱子可查看该时段。</Text>
      <ChoiceChips options={SPAN_OPTIONS} selected={[String(span.minutes)]} onToggle={(v) => setMinutes(Number(v))} />
      <StateGate
        state={watch}
        isEmpty={(w) => w.works.length === 0}
        empty={<Empty title='这段时间没有投票' hint='可选择更长的时间段，或稍后下拉刷新。' />}
      >
        {(w) => (
          <Works
            watch={w}
            onVoid={(work, bucket) => {
              setVoiding({ target: { workId: work.workId, number: work.number, title: work.title, series: work.series }, bucket })
              Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
            }}
          />
        )}
      </StateGate>
    </View>
  )
}

export default function SelectionWatchPage() {
  const { sel, kind } = useRouteParams()
  const selection = useSelection({ sel, kind })
  return (
    <View className='page selection-watch'>
      <StateGate state={selection}>{(s) => <Watch key={s._id} selection={s} />}</StateGate>
    </View>
  )
}
