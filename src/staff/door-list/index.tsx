// 门口签到名单: one slot's list for the door, to print on A4 (h5 print stylesheet) — the slot and its time
// on top, then numbered rows in name order with 报名号, masked name and phone, for whom, group, services,
// and a box to tick (✓ for those already checked in); the waitlist after. Masked for everyone, as the
// screen list is: paper at a door is seen by many.
import { Text, View } from '@tarojs/components'
import { CLINIC_CATEGORY_LABELS, PERSON_RELATION_LABELS, type PersonRelation, type SignupListEntry } from '@/contract'
import { useResult } from '@/hooks/use-result'
import { useRouteParams } from '@/hooks/use-route-params'
import { ActionButton } from '@/components/action-button'
import { Empty, StateGate } from '@/components/state-view'
import { StaffGate } from '../components/staff-gate'
import { printPage } from '../utils/print'
import { loadDoorList, type DoorList } from './load'
import { slotWhen } from '../../clinic/utils/slot-text'
import '../styles.scss'
import './index.scss'

function Rows({ entries, start }: { entries: SignupListEntry[]; start: number }) {
  return (
    <View className='door-list__table'>
      <View className='door-list__row door-list__row--head'>
        <Text className='door-list__cell door-list__cell--n'>序号</Text>
        <Text className='door-list__cell door-list__cell--no'>报名号</Text>
        <Text className='door-list__cell door-list__cell--name'>姓名 · 手机</Text>
        <Text className='door-list__cell door-list__cell--who'>人群</Text>
        <Text className='door-list__cell door-list__cell--svc'>服务</Text>
        <Text className='door-list__cell door-list__cell--tick'>签到</Text>
      </View>
      {entries.map((e, i) => (
        <View key={e.signupId} className='door-list__row'>
          <Text className='door-list__cell door-list__cell--n'>{start + i + 1}</Text>
          <Text className='door-list__cell door-list__cell--no'>{e.number}</Text>
          <Text className='door-list__cell door-list__cell--name'>{`${e.maskedName}（${PERSON_RELATION_LABELS[e.relation as PersonRelation] ?? e.relation}）${e.maskedPhone}`}</Text>
          <Text className='door-list__cell door-list__cell--who'>{CLINIC_CATEGORY_LABELS[e.category]}</Text>
          <Text className='door-list__cell door-list__cell--svc'>{e.services.join('、')}</Text>
          <Text className='door-list__cell door-list__cell--tick'>{e.status === 'checked_in' ? '☑' : '☐'}</Text>
        </View>
      ))}
    </View>
  )
}

function Sheet({ list }: { list: DoorList }) {
  const { slot, places, waitlist } = list
  return (
    <View className='door-list__sheet'>
      <Text className='door-list__title'>{`${slot.venueName} · ${slot.title}`}</Text>
      <Text className='door-list__line'>{`${slotWhen(slot)} · ${slot.place}`}</Text>
      <Text className='door-list__line'>{`已报名 ${places.length} 人 · 候补 ${waitlist.length} 人 · 姓名和手机号已隐去部分，核对时请报报名号或手机号后 4 位`}</Text>
      {places.length > 0 ? <Rows entries={places} start={0} /> : <Text className='door-list__line'>这一场还没有人报名。</Text>}
      {waitlist.length > 0 ? (
        <View>
          <Text className='door-list__subtitle'>候补（有人未到时按此顺序补位）</Text>
          <Rows entries={waitlist} start={0} />
        </View>
      ) : null}
    </View>
  )
}

function DoorListLoader({ slotId }: { slotId: string }) {
  const state = useResult(() => loadDoorList(slotId), `staff.doorList:${slotId}`)
  return (
    <StateGate state={state}>
      {(list) => (
        <View>
          <View className='door-list__tools'>
            <ActionButton onClick={printPage}>打印（A4）</ActionButton>
          </View>
          <Sheet list={list} />
        </View>
      )}
    </StateGate>
  )
}

export default function DoorListPage() {
  const { slotId } = useRouteParams()
  return (
    <View className='page door-list'>
      <StaffGate>
        {() => (slotId ? <DoorListLoader key={slotId} slotId={slotId} /> : <Empty title='没有指定场次' hint='请在「报名名单」中选择场次后打开门口签到名单。' />)}
      </StaffGate>
    </View>
  )
}
