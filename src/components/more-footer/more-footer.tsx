// The end of a paged list (clinic slots, galleries, rankings, review queue): 加载更多, a loading line, the failure with 重试, or 已经到底了.
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'

export interface MoreFooterProps {
  hasMore: boolean
  loading: boolean
  error?: string
  onMore: () => void
}

export function MoreFooter({ hasMore, loading, error, onMore }: MoreFooterProps) {
  if (error) {
    return (
      <View className='more-footer'>
        <Text className='more-footer__error'>{error}</Text>
        <ActionButton kind='plain' onClick={onMore}>重试</ActionButton>
      </View>
    )
  }
  if (!hasMore) return <Text className='more-footer__end'>已经到底了</Text>
  return (
    <View className='more-footer'>
      <ActionButton kind='plain' disabled={loading} onClick={onMore}>{loading ? '正在加载…' : '加载更多'}</ActionButton>
    </View>
  )
}
