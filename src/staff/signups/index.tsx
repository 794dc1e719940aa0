// 报名名单: a slot's sign-ups for staff — attendance figures, search by name or phone tail, status
// filter, masked rows (organisers may reveal one with a reason), load more, and an Excel export.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SIGNUP_STATUS_LABELS, LIST_STATUSES, type Me } from '@/contract'
import { call } from '@/services/client'
import { useAction } from '@/hooks/use-action'
import { ActionButton } from '@/components/action-button'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput } from '@/components/form-field'
import { Empty, StateGate } from '@/components/state-view'
import { SlotChooser } from '../components/slot-chooser'
import { StaffGate } from '../components/staff-gate'
import { openExport } from '../utils/open-file'
import { SignupRow } from './signup-row'
import './index.scss'

const STATUS_OPTIONS = [{ value: '', label: '全部' }, ...LIST_STATUSES.map((s) => ({ value: s, label: SIGNUP_STATUS_LABELS[s] }))]

function SignupList({ me, slotId }: { me: Me; slotId: string }) {
  const [status, setStatus] = useState('')
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const input = { slotId, ...(status ? { status: status as (typeof LIST_STATUSES)[number] } : {}), ...(query ? { search: query } : {}) }
  const list = useAction('clinicAdmin', 'signupList', input)
  const figures = useAction('clinicAdmin', 'attendance', me.venueId ? { venueId: me.venueId } : {})
  const row = figures.data?.slots.find((s) => s.slotId === slotId)
  const exportList = async () => {
    Taro.showLoading({ title: '正在生成…' })
    const res = await call('clinicAdmin', 'exportSignups', { slotId })
    Taro.hideLoading()
    if (!res.ok) return void Taro.showModal({ title: '导出失败', content: res.message, showCancel: false })
    await Taro.showModal({ title: '名单已生成', content: `共 ${res.data.rows} 条${res.data.masked ? '（姓名和手机号已隐去部分）' : ''}，链接 1 小时内有效。`, showCancel: false, confirmText: '打开' })
    try {
      await openExport(res.data.url)
    } catch {
      await Taro.setClipboardData({ data: res.data.url })
    }
  }
  return (
    <View>
      {row ? (
        <Text className='signups__figures'>
          {`名额 ${row.quota} · 已报名 ${row.confirmed} · 候补 ${row.waitlisted} · 已签到 ${row.checkedIn} · 已取消 ${row.cancelled}${row.noShow ? ` · 未到场 ${row.noShow}` : ''}`}
        </Text>
      ) : null}
      <View className='signups__search'>
        <FieldInput value={search} onChange={setSearch} placeholder='姓名中的字或手机号后 4 位' maxlength={20} />
        <ActionButton kind='plain' onClick={() => setQuery(search.trim())}>搜索</ActionButton>
      </View>
      <ChoiceChips options={STATUS_OPTIONS} selected={[status]} onToggle={setStatus} />
      <StateGate state={list} isEmpty={(page) => page.items.length === 0} empty={<Empty title='没有符合条件的报名' />}>
        {(page) => (
          <View>
            {page.items.map((entry) => <SignupRow key={entry.signupId} entry={entry} canReveal={me.role === 'organiser'} />)}
            {page.hasMore ? <Text className='paragraph muted'>只显示前 50 条，请用搜索缩小范围或导出全部。</Text> : null}
          </View>
        )}
      </StateGate>
      <ActionButton onClick={() => void exportList()}>导出 Excel 名单</ActionButton>
    </View>
  )
}

export default function SignupsPage() {
  const [slotId, setSlotId] = useState('')
  return (
    <View className='page signups'>
      <StaffGate>
        {(me) => (
          <View>
            <SlotChooser me={me} slotId={slotId} onChoose={(slot) => setSlotId(slot._id)} />
            {slotId ? <SignupList me={me} slotId={slotId} /> : null}
          </View>
        )}
      </StaffGate>
    </View>
  )
}
