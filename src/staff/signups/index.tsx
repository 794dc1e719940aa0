// 报名名单: a slot's sign-ups for staff and organisers — attendance figures on top, search by phone tail
// or 报名号 (organisers also by a name fragment; the server refuses it to staff, and so does the box,
// saying what to enter), status chips, masked rows (organisers may reveal one after giving a reason), 加载更多,
// and Excel exports of the slot or the whole sub-venue. Pull down to refresh.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  LIST_STATUSES, PHONE_TAIL_SEARCH, SIGNUP_NUMBER_SEARCH, SIGNUP_STATUS_LABELS, type AttendanceRow, type ClinicSlotSummary, type Me } from '@/contract'
import { useAction } from '@/hooks/use-action'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput } from '@/components/form-field'
import { MoreFooter } from '@/components/more-footer'
import { Empty, StateGate } from '@/components/state-view'
import { SlotChooser } from '../components/slot-chooser'
import { StaffGate } from '../components/staff-gate'
import { ExportPanel } from './export-panel'
import { SignupRow } from './signup-row'
import { useSignupPages } from './use-signup-pages'
import '../styles.scss'
import './index.scss'

type ListStatus = (typeof LIST_STATUSES)[number]
const STAFF_SEARCH_HINT = '请输入手机号后 4 位或报名号（每条名单右上角）；按姓名搜索仅限组委会'
const STATUS_OPTIONS = [{ value: '', label: '全部' }, ...LIST_STATUSES.map((s) => ({ value: s, label: SIGNUP_STATUS_LABELS[s] }))]

function figuresLine(row: AttendanceRow): string {
  const parts = [`名额 ${row.quota}`, `已报名 ${row.confirmed}`, `候补 ${row.waitlisted}`, `已签到 ${row.checkedIn}`, `已取消 ${row.cancelled}`]
  if (row.noShow) parts.push(`未到场 ${row.noShow}`)
  return parts.join(' · ')
}

function SignupList({ me, slot }: { me: Me; slot: ClinicSlotSummary }) {
  const [status, setStatus] = useState('')
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const [searchHint, setSearchHint] = useState('')
  const organiser = me.role === 'organiser'
  const runSearch = () => {
    const text = search.trim()
    if (!organiser && text && !PHONE_TAIL_SEARCH.test(text) && !SIGNUP_NUMBER_SEARCH.test(text)) return setSearchHint(STAFF_SEARCH_HINT)
    setSearchHint('')
    setQuery(text)
  }
  const list = useSignupPages({ slotId: slot._id, ...(status ? { status: status as ListStatus } : {}), ...(query ? { search: query } : {}) })
  const figures = useAction('clinicAdmin', 'attendance', { venueId: slot.venueId })
  usePullRefresh(async () => { await Promise.all([list.reload(), figures.reload()]) })
  const row = figures.data?.slots.find((s) => s.slotId === slot._id)
  return (
    <View>
      {row ? <Text className='signups__figures'>{figuresLine(row)}</Text> : null}
      {figures.status === 'error' ? <Text className='signups__figures'>统计数字暂时无法加载：{figures.error.message}</Text> : null}
      <View className='signups__search'>
        <FieldInput
          value={search}
          onChange={(value) => { setSearch(value); setSearchHint('') }}
          placeholder={organiser ? '手机号后 4 位、报名号或姓名中的字' : '手机号后 4 位或报名号'}
          maxlength={20}
        />
        <ActionButton kind='plain' onClick={runSearch}>搜索</ActionButton>
        {query ? <ActionButton kind='plain' onClick={() => { setSearch(''); setQuery(''); setSearchHint('') }}>清除</ActionButton> : null}
      </View>
      {searchHint ? <Text className='signups__hint'>{searchHint}</Text> : null}
      <ChoiceChips options={STATUS_OPTIONS} selected={[status]} onToggle={setStatus} />
      <StateGate
        state={list.first}
        isEmpty={() => list.items.length === 0}
        empty={<Empty title='没有符合条件的报名' hint={query || status ? '换个关键字或状态再试试。' : '这一场还没有人报名。'} />}
      >
        {() => (
          <View>
            {list.items.map((entry) => <SignupRow key={entry.signupId} entry={entry} canReveal={organiser} />)}
            <MoreFooter hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
          </View>
        )}
      </StateGate>
      <ExportPanel organiser={organiser} slot={slot} />
    </View>
  )
}

export default function SignupsPage() {
  const [slot, setSlot] = useState<ClinicSlotSummary | null>(null)
  return (
    <View className='page signups'>
      <StaffGate>
        {(me) => (
          <View>
            <SlotChooser me={me} slotId={slot?._id ?? ''} onChoose={setSlot} />
            {slot ? <SignupList me={me} slot={slot} /> : null}
          </View>
        )}
      </StaffGate>
    </View>
  )
}
