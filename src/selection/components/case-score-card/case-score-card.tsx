// One case for the expert: number, category, title, applicant, the case text, photos (tap for full size)
// and public votes; then the expert's own score (a 0–100 integer, checked here before sending) and an
// optional comment, saved with scoreCase and changeable while judging is open. Only the expert's own
// score is ever shown. A refusal is shown on the card and what was typed stays.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ExpertCase } from '@/contract/selection-views'
import { call } from '@/services/client'
import { useOneAtATime } from '@/hooks/use-one-at-a-time'
import { ActionButton } from '@/components/action-button'
import { FieldInput, FieldTextarea, FormField } from '@/components/form-field'
import { Tag } from '@/components/tag'
import { workNumber } from '../../utils/text'

export interface CaseScoreCardProps {
  item: ExpertCase
  categoryLabel: string
  /** Results are published: the score is shown, no longer editable. */
  locked?: boolean
}

/** The score typed, or the Chinese reason it cannot be sent. */
export function parseScore(text: string): { score: number } | { error: string } {
  const value = text.trim()
  if (value === '') return { error: '请填写评分（0–100 的整数）' }
  if (!/^-?\d+(\.\d+)?$/.test(value)) return { error: '评分只能填数字，请填写 0–100 的整数' }
  if (value.includes('.')) return { error: '评分应为整数，请去掉小数' }
  const score = Number(value)
  if (score < 0 || score > 100) return { error: `评分应在 0–100 之间，您填的是 ${value}` }
  return { score }
}

export function CaseScoreCard({ item, categoryLabel, locked = false }: CaseScoreCardProps) {
  const [scoreText, setScoreText] = useState(item.myScore === null ? '' : String(item.myScore))
  const [comment, setComment] = useState(item.myComment ?? '')
  const [saved, setSaved] = useState<number | null>(item.myScore)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const { busy, run, pending } = useOneAtATime()
  const images = item.imageUrls.filter(Boolean)

  const save = () => run(async () => {
    const parsed = parseScore(scoreText)
    if ('error' in parsed) {
      setNotice('')
      return setError(parsed.error)
    }
    const res = await pending(call('selection', 'scoreCase', { workId: item.workId, score: parsed.score, ...(comment.trim() ? { comment: comment.trim() } : {}) }))
    if (!res.ok) {
      setNotice('')
      return setError(res.issues?.[0]?.message ?? res.message)
    }
    setError('')
    setSaved(res.data.score)
    setNotice(`已保存：${res.data.score} 分`)
  })

  return (
    <View className='case-score-card'>
      <View className='case-score-card__head'>
        <Tag>{categoryLabel}</Tag>
        <Text className='case-score-card__number'>{workNumber(item.number)}</Text>
      </View>
      <Text className='case-score-card__title'>{item.title}</Text>
      {item.applicant ? (
        <Text className='case-score-card__meta'>申报：{item.applicant.institution}{item.applicant.person ? ` · ${item.applicant.person}` : ''}</Text>
      ) : null}
      <Text className='case-score-card__text'>{item.text}</Text>
      {images.length > 0 ? (
        <View className='case-score-card__images'>
          {images.map((url) => (
            <Image key={url} className='case-score-card__image' src={url} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: images, current: url }).catch(() => undefined)} />
          ))}
        </View>
      ) : null}
      <Text className='case-score-card__votes'>{`网络投票 ${item.votes} 票`}</Text>
      <Text className='case-score-card__mine'>{saved === null ? '我的评分：尚未评分' : `我的评分：${saved} 分`}</Text>
      {locked ? (
        <Text className='case-score-card__notice'>评选结果已经公布，评分不能再修改。</Text>
      ) : (
        <View>
          <FormField label='评分（0–100 的整数）' required error={error || undefined}>
            <FieldInput value={scoreText} onChange={setScoreText} placeholder='请输入 0–100 的整数' maxlength={4} />
          </FormField>
          <FormField label='评语' hint='选填，最多 200 字，只有组委会能看到'>
            <FieldTextarea value={comment} onChange={setComment} placeholder='可写明评分理由' maxlength={200} />
          </FormField>
          {notice ? <Text className='case-score-card__notice'>{notice}</Text> : null}
          <ActionButton disabled={busy} onClick={() => void save()}>{busy ? '正在保存…' : saved === null ? '保存评分' : '修改评分'}</ActionButton>
        </View>
      )}
    </View>
  )
}
