// 义诊场次 form: with ?id= edit that slot (updateSlot sends only the changes), without it create one
// (createSlot). Staff work on their own sub-venue; organisers creating a slot choose the sub-venue.
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ok, type ClinicSlotDetail, type Me, type Result, type VenueSummary } from '@/contract'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { ActionButton } from '@/components/action-button'
import { StateGate } from '@/components/state-view'
import { useSlotForm } from '../hooks/use-slot-form'
import { SlotBasics, SlotRules } from '../components/slot-form'
import { StaffGate } from '../components/staff-gate'
import { useRouteParams } from '@/hooks/use-route-params'
import '../styles.scss'
import './index.scss'

interface EditorView {
  slot: ClinicSlotDetail | null
  /** Sub-venues to choose from: only for an organiser creating a slot. */
  venues: VenueSummary[] | null
}

async function loadEditor(id: string, me: Me): Promise<Result<EditorView>> {
  if (id) {
    const slot = await call('clinic', 'slot', { slotId: id })
    return slot.ok ? ok({ slot: slot.data, venues: null }) : slot
  }
  if (me.role !== 'organiser') return ok({ slot: null, venues: null })
  const venues = await call('festival', 'venues', {})
  return venues.ok ? ok({ slot: null, venues: venues.data }) : venues
}

function EditorForm({ slot, venues, me }: EditorView & { me: Me }) {
  const { form, errors, formError, pending, update, save } = useSlotForm(slot, me.venueId ?? '')
  const idle = slot ? '保存修改' : '创建场次'
  return (
    <View>
      {slot ? <Text className='slot-edit__venue'>分会场：{slot.venueName}</Text> : null}
      <View className='slot-edit__form'>
        <SlotBasics form={form} errors={errors} update={update} venues={venues} />
        <SlotRules form={form} errors={errors} update={update} editing={Boolean(slot)} />
        {formError ? <View className='slot-edit__error' role='alert'><Text>{formError}</Text></View> : null}
        <ActionButton disabled={pending} onClick={() => void save()}>{pending ? '正在保存…' : idle}</ActionButton>
      </View>
    </View>
  )
}

function SlotEditor({ id, me }: { id: string; me: Me }) {
  const state = useResult(() => loadEditor(id, me), `staff.slot-edit:${id}:${me.role}`)
  return <StateGate state={state}>{(view) => <EditorForm {...view} me={me} />}</StateGate>
}

export default function SlotEditPage() {
  const id = useRouteParams().id ?? ''
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: id ? '编辑义诊场次' : '新建义诊场次' }).catch(() => undefined)
  }, [id])
  return (
    <View className='page slot-edit'>
      <StaffGate>{(me) => <SlotEditor key={id} id={id} me={me} />}</StaffGate>
    </View>
  )
}
