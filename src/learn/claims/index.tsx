// 我的优惠: every offer I claimed, with its code to show at the hospital while it can be used.
import { View } from '@tarojs/components'
import { useAction } from '@/hooks/use-action'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { ClaimCode } from '../components/claim-code'
import { learnRoutes } from '../routes'
import '../styles.scss'

export default function ClaimsPage() {
  const state = useAction('content', 'myClaims', {})
  usePullRefresh(state.reload)
  return (
    <View className='page learn-claims'>
      <StateGate
        state={state}
        isEmpty={(claims) => claims.length === 0}
        empty={<Empty title='您还没有领取优惠' hint='在惠民活动周领取限量优惠后，核销码会显示在这里。' action={<ActionButton onClick={() => openPage(learnRoutes.offers)}>去看看优惠</ActionButton>} />}
      >
        {(claims) => <View>{claims.map((claim) => <Card key={claim._id}><ClaimCode claim={claim} /></Card>)}</View>}
      </StateGate>
    </View>
  )
}
