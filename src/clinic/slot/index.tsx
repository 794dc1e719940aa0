// One clinic slot: its facts, how to get there (address, map, phone, calendar), then the sign-up form (or 加入候补 when full and the waitlist is open;
// otherwise why sign-up is not possible). The resident's last entries prefill the form.
import { Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { ok, type ClinicSlotDetail, type Result, type SignupPerson, type VenuePlace } from '@/contract'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { Section } from '@/components/section'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { clinicRoutes } from '../routes'
import { shortInstant } from '@/utils/time'
import { SignupForm } from '../components/signup-form'
import { SlotInfo } from '../components/slot-info'
import { GettingThere } from '../components/getting-there'
import { useRouteParams } from '@/hooks/use-route-params'
import '../styles.scss'
import './index.scss'

interface SlotView {
  slot: ClinicSlotDetail
  lastEntries: SignupPerson[]
  /** How to reach the venue; absent when it could not be read (the slot's own place still shows). */
  venue?: VenuePlace
}

/** The slot decides the page; the last entries only help, so their failure leaves the form empty. */
async function loadSlot(slotId: string): Promise<Result<SlotView>> {
  const [slot, last] = await Promise.all([call('clinic', 'slot', { slotId }), call('clinic', 'lastEntries', {})])
  if (!slot.ok) return slot
  const places = await call('festival', 'places', { venueIds: [slot.data.venueId] })
  const venue = places.ok ? places.data[0] : undefined
  return ok({ slot: slot.data, lastEntries: last.ok ? last.data : [], ...(venue ? { venue } : {}) })
}

function closedReason(slot: ClinicSlotDetail): string {
  if (slot.status === 'not_open') return `本场将于 ${shortInstant(slot.signupOpensAt)} 开始报名，请届时再来。`
  if (slot.status === 'full') return '本场名额已满，候补也已排满，请选择其他场次。'
  if (slot.status === 'over') return '本场义诊已结束。'
  return '本场报名已截止，请选择其他场次。'
}

function SlotContent({ slot, lastEntries, venue }: SlotView) {
  const canSignUp = slot.status === 'open' || (slot.status === 'full' && slot.waitlistOpen)
  return (
    <View>
      <SlotInfo slot={slot} />
      <Section title='到场方式'>
        <Card>
          <GettingThere slot={slot} venue={venue} />
        </Card>
      </Section>
      <Section title={slot.status === 'full' ? '候补报名' : '填写报名信息'}>
        {canSignUp ? (
          <View className='clinic-slot__form'>
            <SignupForm slot={slot} lastEntries={lastEntries} />
          </View>
        ) : (
          <View>
            <Text className='clinic-slot__closed'>{closedReason(slot)}</Text>
            <ActionButton kind='plain' onClick={() => openPage(clinicRoutes.slots)}>查看其他场次</ActionButton>
          </View>
        )}
      </Section>
    </View>
  )
}

function SlotLoader({ id }: { id: string }) {
  const state = useResult(() => loadSlot(id), `clinic.slot:${id}`)
  usePullRefresh(state.reload)
  useShareAppMessage(() => ({ title: state.data ? `义诊报名：${state.data.slot.title}` : '义诊报名', path: clinicRoutes.slot(id) }))
  return <StateGate state={state}>{(view) => <SlotContent key={view.slot._id} {...view} />}</StateGate>
}

export default function ClinicSlotPage() {
  const id = useRouteParams().id ?? ''
  return (
    <View className='page clinic-slot'>
      {id ? <SlotLoader key={id} id={id} /> : (
        <Empty
          title='没有指定义诊场次'
          hint='请从义诊场次列表中选择。'
          action={<ActionButton onClick={() => openPage(clinicRoutes.slots)}>查看义诊场次</ActionButton>}
        />
      )}
    </View>
  )
}
