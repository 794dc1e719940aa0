// What the door sees after scanning a discount-week offer code: 核销成功, or 已核销过 with when and by whom.
import { Text, View } from '@tarojs/components'
import type { RedeemResult } from '@/contract'
import { longInstant } from '../../../clinic/utils/slot-text'

export function RedeemResultPanel({ result }: { result: RedeemResult }) {
  if (result.outcome === 'redeemed') {
    return (
      <View className='check-result check-result--ok'>
        <Text className='check-result__title'>✅ 优惠核销成功</Text>
        <Text className='check-result__line'>优惠：{result.offerTitle}</Text>
        <Text className='check-result__line'>核销时间：{longInstant(result.redeemedAt)}</Text>
      </View>
    )
  }
  return (
    <View className='check-result check-result--already'>
      <Text className='check-result__title'>⚠️ 这份优惠已经核销过，请勿重复使用</Text>
      <Text className='check-result__line'>优惠：{result.offerTitle}</Text>
      <Text className='check-result__line'>核销时间：{longInstant(result.redeemedAt)}</Text>
      {result.redeemedBy ? <Text className='check-result__line'>核销人：{result.redeemedBy}</Text> : null}
      {result.notice ? <Text className='check-result__line'>{result.notice}</Text> : null}
    </View>
  )
}
