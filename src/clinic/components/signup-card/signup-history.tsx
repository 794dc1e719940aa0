// A sign-up's history as a small timeline: what happened, when (China time), and by whom if staff.
import { Text, View } from '@tarojs/components'
import { SIGNUP_EVENT_LABELS, type SignupHistoryEntry } from '@/contract'
import { longInstant } from '../../utils/slot-text'

export function SignupHistory({ history }: { history: readonly SignupHistoryEntry[] }) {
  if (history.length === 0) return null
  return (
    <View className='signup-history'>
      <Text className='signup-history__title'>办理记录</Text>
      {history.map((entry, index) => (
        <View key={`${entry.event}-${entry.at}-${index}`} className='signup-history__item'>
          <View className='signup-history__dot' />
          <View className='signup-history__body'>
            <Text className='signup-history__event'>{SIGNUP_EVENT_LABELS[entry.event]}</Text>
            <Text className='signup-history__when'>
              {longInstant(entry.at)}{entry.by ? ` · ${entry.by}` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
