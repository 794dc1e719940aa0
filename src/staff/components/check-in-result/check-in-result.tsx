// What the door sees after a check-in request: 签到成功, 已签到过 (when and by whom), or the masked
// matches of a phone-tail search, each confirmed with its own button.
import { Text, View } from '@tarojs/components'
import type { CheckInEntry, CheckInResult as Result } from '@/contract'
import { CLINIC_CATEGORY_LABELS, SIGNUP_STATUS_LABELS } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { Tag } from '@/components/tag'
import { longInstant } from '../../../clinic/utils/slot-text'

function EntryFacts({ entry }: { entry: CheckInEntry }) {
  return (
    <View className='check-entry'>
      <Text className='check-entry__name'>{entry.maskedName} · {entry.maskedPhone}</Text>
      <Text className='check-entry__line'>{CLINIC_CATEGORY_LABELS[entry.category]} · {entry.services.join('、')}</Text>
    </View>
  )
}

export interface CheckInResultProps {
  result: Result
  pending: boolean
  onConfirm: (signupId: string) => void
}

export function CheckInResult({ result, pending, onConfirm }: CheckInResultProps) {
  if (result.outcome === 'checked_in') {
    return (
      <View className='check-result check-result--ok'>
        <Text className='check-result__title'>✅ 签到成功</Text>
        <EntryFacts entry={result.entry} />
        <Text className='check-result__line'>签到时间：{longInstant(result.checkedInAt)}</Text>
      </View>
    )
  }
  if (result.outcome === 'already') {
    return (
      <View className='check-result check-result--already'>
        <Text className='check-result__title'>⚠️ 已经签到过，请勿重复签到</Text>
        <EntryFacts entry={result.entry} />
        <Text className='check-result__line'>签到时间：{longInstant(result.checkedInAt)}</Text>
        <Text className='check-result__line'>签到人：{result.checkedInBy}</Text>
        {result.notice ? <Text className='check-result__line'>{result.notice}</Text> : null}
      </View>
    )
  }
  if (result.matches.length === 0) {
    return (
      <View className='check-result check-result--none'>
        <Text className='check-result__title'>没有找到匹配的报名</Text>
        <Text className='check-result__line'>请核对所选场次和手机号后 4 位，或请居民出示「我的报名」中的签到码。</Text>
      </View>
    )
  }
  return (
    <View className='check-result'>
      <Text className='check-result__title'>找到 {result.matches.length} 条报名，请核对后确认</Text>
      {result.matches.map((entry) => (
        <View key={entry.signupId} className='check-match'>
          <View className='check-match__head'>
            <EntryFacts entry={entry} />
            <Tag tone={entry.status === 'confirmed' ? 'red' : 'grey'}>{SIGNUP_STATUS_LABELS[entry.status]}</Tag>
          </View>
          {entry.status === 'confirmed' ? (
            <ActionButton disabled={pending} onClick={() => onConfirm(entry.signupId)}>确认签到</ActionButton>
          ) : null}
        </View>
      ))}
    </View>
  )
}
