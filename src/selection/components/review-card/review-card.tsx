// One work to review: its pictures (tap to enlarge) or video, title, story, the child/consent facts and
// the machine checks, then 通过 / 驳回 (pending) or 通过 (frozen, to publish again) and, for published
// works, 冻结. Rejecting or freezing first asks for the reason. Typical cases also carry their on-site
// inspection (标记已实地考察, or 已考察 with time and note).
import { useState } from 'react'
import { Image, Text, Video, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MEDIA_STATE_LABELS } from '@/contract/selection'
import type { ReviewItem } from '@/contract/selection-views'
import { ActionButton } from '@/components/action-button'
import { Tag } from '@/components/tag'
import type { Decision } from '../../hooks/use-review'
import { statusLabel, workNumber } from '../../utils/text'
import { InspectBox } from './inspect-box'
import { ReasonBox } from './reason-box'

export interface ReviewCardProps {
  item: ReviewItem
  busy: boolean
  /** A published work from the gallery: no story or checks to show. */
  brief?: boolean
  onDecide: (decision: Decision, reason?: string) => void
  /** Typical cases: the inspection marked on this screen, if any, and how to mark it. */
  inspection?: { marked?: ReviewItem['inspected']; busy: boolean; onInspect: (note: string) => void }
}

function textCheck(item: ReviewItem): string {
  if (item.checks.text === 'pass') return '文字检测通过'
  return item.checks.text === 'review' ? '文字需人工复核' : '文字检测未完成'
}

export function ReviewCard({ item, busy, brief, onDecide, inspection }: ReviewCardProps) {
  const [asking, setAsking] = useState<'reject' | 'freeze' | null>(null)
  const urls = item.imageUrls.filter(Boolean)
  return (
    <View className='review-card'>
      <View className='review-card__head'>
        <Tag tone={item.status === 'pending' ? 'amber' : 'grey'}>{statusLabel(item.status)}</Tag>
        <Text className='review-card__number'>{workNumber(item.number)}</Text>
      </View>
      <Text className='review-card__title'>{item.title}</Text>
      {item.videoUrl ? <Video className='review-card__video' src={item.videoUrl} controls {...(item.duration ? { duration: item.duration } : {})} /> : null}
      <View className='review-card__images'>
        {urls.map((url) => (
          <Image key={url} className='review-card__image' src={url} mode='aspectFill' onClick={() => void Taro.previewImage({ urls, current: url }).catch(() => undefined)} />
        ))}
      </View>
      {item.story ? <Text className='review-card__story'>{item.story}</Text> : null}
      {brief ? null : <Text className='review-card__fact'>{item.showsChild ? `有儿童 · ${item.guardianConsent ? '监护人已同意' : '监护人未同意'}` : '作品中无儿童'}</Text>}
      {brief ? null : <Text className='review-card__fact'>{textCheck(item)} · {MEDIA_STATE_LABELS[item.mediaState]}{item.checks.humanReviewVideo ? ' · 视频需人工观看' : ''}</Text>}
      {item.reason ? <Text className='review-card__fact'>理由：{item.reason}</Text> : null}
      {inspection && item.kind === 'cases' && !brief ? (
        <InspectBox inspected={inspection.marked ?? item.inspected} busy={inspection.busy} onInspect={inspection.onInspect} />
      ) : null}
      {asking ? (
        <ReasonBox verb={asking === 'reject' ? '驳回' : '冻结'} busy={busy} onConfirm={(reason) => onDecide(asking, reason)} onCancel={() => setAsking(null)} />
      ) : (
        <View className='review-card__buttons'>
          {item.status === 'pending' || item.status === 'frozen' ? (
            <ActionButton className='review-card__button' disabled={busy} onClick={() => onDecide('approve')}>{busy ? '正在提交…' : '通过'}</ActionButton>
          ) : null}
          {item.status === 'pending' ? <ActionButton className='review-card__button' kind='plain' onClick={() => setAsking('reject')}>驳回</ActionButton> : null}
          {item.status === 'published' ? <ActionButton className='review-card__button' kind='plain' onClick={() => setAsking('freeze')}>冻结</ActionButton> : null}
        </View>
      )}
    </View>
  )
}
