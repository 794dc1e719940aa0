// 邀请码管理 (organisers): create invite codes that bind sub-venue staff, experts or other organisers
// to their WeChat identity, show a new code large enough to read out, list and revoke codes.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Fail, InputOf, InviteView } from '@/contract'
import { call } from '@/services/client'
import { useAction } from '@/hooks/use-action'
import { Section } from '@/components/section'
import { StateGate } from '@/components/state-view'
import { chinaIso } from '@/utils/time'
import { InviteForm } from './invite-form'
import { InviteList } from './invite-list'
import '../styles.scss'
import './index.scss'

export default function InvitesPage() {
  const venues = useAction('festival', 'venues', {})
  const invites = useAction('account', 'listInvites', {})
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<Fail | null>(null)
  const [created, setCreated] = useState<InviteView | null>(null)

  const create = async (input: InputOf<'account', 'createInvite'>) => {
    if (pending) return
    setPending(true)
    const res = await call('account', 'createInvite', input)
    setPending(false)
    if (!res.ok) return setError(res)
    setError(null)
    setCreated(res.data)
    void invites.reload()
  }
  const revoke = async (code: string) => {
    const res = await call('account', 'revokeInvite', { code })
    if (!res.ok) void Taro.showToast({ title: res.message, icon: 'none' })
    void invites.reload()
  }
  const venueNames = Object.fromEntries((venues.data ?? []).map((v) => [v._id, v.name]))

  return (
    <View className='page invites'>
      {created ? (
        <View className='invites__created'>
          <Text className='invites__created-label'>新邀请码（请转告对方在「我的 → 绑定工作身份」中输入）</Text>
          <Text className='invites__created-code' selectable>{created.code}</Text>
          <Text className='invites__copy' onClick={() => void Taro.setClipboardData({ data: created.code })}>复制</Text>
        </View>
      ) : null}
      <Section title='新建邀请码'>
        <StateGate state={venues}>
          {(list) => <InviteForm venues={list} pending={pending} error={error} onSubmit={(i) => void create(i)} />}
        </StateGate>
      </Section>
      <Section title='已生成的邀请码'>
        <StateGate state={invites}>
          {(list) => <InviteList invites={list} venueNames={venueNames} now={chinaIso(Date.now())} onRevoke={(c) => void revoke(c)} />}
        </StateGate>
      </Section>
    </View>
  )
}
