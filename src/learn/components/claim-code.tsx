// A claimed offer: what, where, valid dates, how to redeem, and — while usable — the one-time code
// (QR and text) staff scan; once redeemed, when.
import { Text, View } from '@tarojs/components'
import { CLAIM_STATUS_LABELS, type MyClaim } from '@/contract'
import { Tag } from '@/components/tag'
import { QrCode } from '@/components/qr-code'
import { formatDateRange, shortInstant } from '@/utils/time'

export function ClaimCode({ claim }: { claim: MyClaim }) {
  return (
    <View className='claim-code'>
      <View className='claim-code__head'>
        <Text className='claim-code__title'>{claim.offerTitle}</Text>
        <Tag tone={claim.status === 'claimed' ? 'red' : 'grey'}>{CLAIM_STATUS_LABELS[claim.status]}</Tag>
      </View>
      <Text className='claim-code__meta'>{claim.hospital} · 使用期 {formatDateRange(claim.validFrom, claim.validTo)}</Text>
      <Text className='claim-code__meta'>{claim.howToRedeem}</Text>
      {claim.code ? <QrCode text={claim.code} label='优惠核销码' /> : null}
      {claim.status === 'redeemed' && claim.redeemedAt ? <Text className='claim-code__meta'>已于 {shortInstant(claim.redeemedAt)} 使用</Text> : null}
      {claim.status === 'claimed' && !claim.code ? <Text className='claim-code__meta'>已过使用期</Text> : null}
    </View>
  )
}
