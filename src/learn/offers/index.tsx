// 惠民活动周: each hospital's offers (price before and after, dates, conditions, how to redeem). Offers
// with limited places are claimed here — one per person — and show a code for the hospital to scan;
// the others need no claim. From a sub-venue it lists that hospital's offers only.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PHASE_LABELS, type OfferView } from '@/contract'
import { call } from '@/services/client'
import { useAction } from '@/hooks/use-action'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { useOneAtATime } from '@/hooks/use-one-at-a-time'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { Empty, StateGate } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { formatDateRange } from '@/utils/time'
import { ClaimCode } from '../components/claim-code'
import { learnRoutes } from '../routes'
import { formatPrice } from '../format'
import '../styles.scss'

function OfferCard({ offer, onClaim, busy }: { offer: OfferView; onClaim: () => void; busy: boolean }) {
  const limited = offer.remaining !== null
  return (
    <Card className='offer-card'>
      <View className='offer-card__head'>
        <Text className='offer-card__title'>{offer.title}</Text>
        <Tag tone={offer.phase === 'running' ? 'red' : 'grey'}>{PHASE_LABELS[offer.phase]}</Tag>
      </View>
      <Text className='offer-card__hospital'>{offer.hospital}</Text>
      <View className='offer-card__price'>
        <Text className='offer-card__after'>{formatPrice(offer.priceAfter)}</Text>
        {offer.priceBefore !== null ? <Text className='offer-card__before'>原价 ¥{offer.priceBefore}</Text> : null}
      </View>
      <Text className='paragraph'>{offer.description}</Text>
      <InfoRow label='时间'>{formatDateRange(offer.validFrom, offer.validTo)}</InfoRow>
      <InfoRow label='条件'>{offer.conditions}</InfoRow>
      <InfoRow label='使用'>{offer.howToRedeem}</InfoRow>
      {offer.mine ? <ClaimCode claim={offer.mine} /> : null}
      {!offer.mine && limited ? (
        <View className='offer-card__claim'>
          <Text className='offer-card__left'>{offer.remaining === 0 ? '名额已领完' : `剩余 ${offer.remaining} / ${offer.places ?? 0} 个名额`}</Text>
          {offer.remaining !== 0 && offer.phase !== 'ended' ? (
            <ActionButton disabled={busy} onClick={onClaim}>{busy ? '正在领取…' : '领取名额'}</ActionButton>
          ) : null}
        </View>
      ) : null}
      {!limited ? <Text className='offer-card__left'>无需领取，按上面的方式直接使用</Text> : null}
    </Card>
  )
}

export default function OffersPage() {
  const venueId = useRouter().params.venue || undefined
  const state = useAction('content', 'offers', venueId ? { venueId } : {})
  const [claiming, setClaiming] = useState<string | null>(null)
  const { run } = useOneAtATime()
  usePullRefresh(state.reload)
  useShareAppMessage(() => ({ title: '妇幼便民惠民活动周', path: learnRoutes.offers }))

  const claim = (offerId: string) => run(async () => {
    setClaiming(offerId)
    const res = await call('content', 'claim', { offerId })
    setClaiming(null)
    if (!res.ok) {
      await Taro.showModal({ title: '没有领取成功', content: res.message, showCancel: false })
    } else {
      Taro.showToast({ title: res.data.outcome === 'claimed' ? '领取成功' : '您已领取过', icon: 'success' }).catch(() => undefined)
    }
    await state.reload()
  })

  return (
    <View className='page learn-offers'>
      <Text className='learn-intro'>活动周期间各妇幼保健院为妇女儿童推出的优惠项目。限量项目每人可领 1 份，到院出示核销码使用。</Text>
      <View className='learn-offers__mine'>
        <ActionButton kind='plain' onClick={() => openPage(learnRoutes.claims)}>我的优惠</ActionButton>
      </View>
      <StateGate
        state={state}
        isEmpty={(data) => data.offers.length === 0}
        empty={<Empty title='暂无惠民活动' hint='各分会场公布优惠项目后会显示在这里。' />}
      >
        {(data) => (
          <View>
            {data.offers.map((offer) => (
              <OfferCard key={offer._id} offer={offer} busy={claiming === offer._id} onClaim={() => void claim(offer._id)} />
            ))}
          </View>
        )}
      </StateGate>
    </View>
  )
}
