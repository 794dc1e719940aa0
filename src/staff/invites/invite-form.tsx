// The organiser's form for a new invite code: role, venue (for sub-venue staff), the case categories (for
// experts), uses, days valid, note.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ExpertScope, Fail, InputOf, InvitedRole, VenueSummary } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput, FormField } from '@/components/form-field'
import { ExpertScopeField } from './expert-scope'

const ROLES = [
  { value: 'staff', label: '分会场工作人员' },
  { value: 'expert', label: '评审专家' },
  { value: 'organiser', label: '组委会成员' },
] as const

export interface InviteFormProps {
  venues: VenueSummary[]
  pending: boolean
  error: Fail | null
  onSubmit: (input: InputOf<'account', 'createInvite'>) => void
}

const issueFor = (error: Fail | null, path: string) => error?.issues?.find((i) => i.path === path)?.message

export function InviteForm({ venues, pending, error, onSubmit }: InviteFormProps) {
  const [role, setRole] = useState<InvitedRole>('staff')
  const [venueId, setVenueId] = useState<string>('')
  const [uses, setUses] = useState('1')
  const [days, setDays] = useState('7')
  const [note, setNote] = useState('')
  const [scope, setScope] = useState<ExpertScope | null>(null)
  const [scopeError, setScopeError] = useState('')
  const submit = () => {
    if (role === 'expert' && !scope?.categories.length) return setScopeError('请至少选择一个评审类别')
    setScopeError('')
    send()
  }
  const send = () => onSubmit({
    role,
    ...(role === 'staff' && venueId ? { venueId } : {}),
    ...(role === 'expert' && scope ? { expertScope: scope } : {}),
    uses: Number(uses) || 1,
    validDays: Number(days) || 7,
    ...(note.trim() ? { note: note.trim() } : {}),
  })
  return (
    <View className='invite-form'>
      <FormField label='身份' required error={issueFor(error, 'role')}>
        <ChoiceChips options={ROLES} selected={[role]} onToggle={(v) => setRole(v as InvitedRole)} />
      </FormField>
      {role === 'staff' ? (
        <FormField label='分会场' required error={issueFor(error, 'venueId')}>
          <ChoiceChips options={venues.map((v) => ({ value: v._id, label: v.name }))} selected={[venueId]} onToggle={setVenueId} />
        </FormField>
      ) : null}
      {role === 'expert' ? <ExpertScopeField value={scope} onChange={setScope} error={scopeError || issueFor(error, 'expertScope.categories') || issueFor(error, 'expertScope')} /> : null}
      <FormField label='可用次数' hint='一个码可供几个人绑定（1–50）' error={issueFor(error, 'uses')}>
        <FieldInput type='number' value={uses} onChange={setUses} maxlength={2} />
      </FormField>
      <FormField label='有效天数' hint='1–30 天，到期当天 23:59 失效' error={issueFor(error, 'validDays')}>
        <FieldInput type='number' value={days} onChange={setDays} maxlength={2} />
      </FormField>
      <FormField label='备注' hint='如发给谁，最多 40 字' error={issueFor(error, 'note')}>
        <FieldInput value={note} onChange={setNote} maxlength={40} />
      </FormField>
      {error && !error.issues ? <View className='form-field__error' role='alert'><Text>{error.message}</Text></View> : null}
      <ActionButton disabled={pending} onClick={submit}>{pending ? '正在生成…' : '生成邀请码'}</ActionButton>
    </View>
  )
}
