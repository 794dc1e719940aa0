// One work in 投票监控: its votes in the period, the bar strip, the server's flags (bursts, votes from
// accounts new that day) in Chinese, and 作废投票 from a flagged bucket — or from any bucket picked on
// the strip, whose counts are then spelled out.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { WatchBucket, WatchedWork } from '@/contract/selection-views'
import { ActionButton } from '@/components/action-button'
import { Tag } from '@/components/tag'
import { shortInstant } from '@/utils/time'
import { workNumber } from '../../utils/text'
import { BarStrip, type StripWindow } from './bar-strip'

export interface WatchCardProps {
  work: WatchedWork
  window: StripWindow
  onVoid: (bucket: WatchBucket) => void
}

const FLAG_TAGS = { burst: '集中投票', new_accounts: '新账号集中' } as const

export function WatchCard({ work, window, onVoid }: WatchCardProps) {
  const [picked, setPicked] = useState<WatchBucket | null>(null)
  const flagged = new Set(work.flags.map((f) => Date.parse(f.start)))
  const bucketAt = (start: string): WatchBucket =>
    work.series.find((b) => Date.parse(b.start) === Date.parse(start)) ?? { start, votes: 0, newAccountVotes: 0 }
  return (
    <View className={`watch-card ${work.flags.length > 0 ? 'watch-card--flagged' : ''}`}>
      <View className='watch-card__head'>
        <Text className='watch-card__title'>{workNumber(work.number)} {work.title || '（作品已删除）'}</Text>
        {work.flags.length > 0 ? <Tag>{`⚠ ${work.flags.length} 处异常`}</Tag> : <Tag tone='grey'>未见异常</Tag>}
      </View>
      <Text className='watch-card__line'>这段时间 {work.total} 票，其中当天首次投票的账号 {work.newAccountVotes} 票</Text>
      <BarStrip window={window} series={work.series} flagged={flagged} selected={picked ? Date.parse(picked.start) : null} onPick={setPicked} />
      {picked ? (
        <View className='watch-card__picked'>
          <Text className='watch-card__line'>
            {shortInstant(picked.start)} 起 {window.bucketMinutes} 分钟：{picked.votes} 票，其中当天首次投票的账号 {picked.newAccountVotes} 票
          </Text>
          {picked.votes > 0 ? <ActionButton kind='plain' onClick={() => onVoid(picked)}>作废这段时间的投票</ActionButton> : null}
        </View>
      ) : null}
      {work.flags.map((flag) => (
        <View key={`${flag.kind}-${flag.start}`} className='watch-card__flag'>
          <Tag tone='amber'>{FLAG_TAGS[flag.kind]}</Tag>
          <Text className='watch-card__message'>{flag.message}</Text>
          <ActionButton kind='plain' className='watch-card__void' onClick={() => onVoid(bucketAt(flag.start))}>作废投票</ActionButton>
        </View>
      ))}
    </View>
  )
}
