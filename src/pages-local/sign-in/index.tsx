// Local runtime only (h5): pick a demo identity to act as (resident, sub-venue staff, organiser,
// expert). Signing in binds this browser's session to it and returns to 我的.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ok, ROLE_LABELS, type Result, type Role } from '@/contract'
import { useResult } from '@/hooks/use-result'
import { currentSession, listIdentities, signIn, signOut, type DemoIdentity } from '../../services/local-session'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { Section } from '@/components/section'
import { Empty, StateGate } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { notifyIdentityChanged } from '@/utils/app-events'
import { openTab, routes } from '@/utils/nav'
import './index.scss'

const ROLE_ORDER: Role[] = ['resident', 'staff', 'organiser', 'expert']

interface DemoState {
  identities: DemoIdentity[]
  currentKey: string | null
}

async function loadDemo(): Promise<Result<DemoState>> {
  const [identities, session] = await Promise.all([listIdentities(), currentSession()])
  if (!identities.ok) return identities
  return ok({ identities: identities.data, currentKey: session.ok && session.data ? session.data.key : null })
}

async function finish(result: Result<unknown>, done: string): Promise<void> {
  if (result.ok) {
    notifyIdentityChanged()
    Taro.showToast({ title: done, icon: 'none' }).catch(() => undefined)
    openTab(routes.me)
    return
  }
  await Taro.showModal({ title: '操作失败', content: result.message, showCancel: false }).catch(() => undefined)
}

export default function LocalSignIn() {
  const state = useResult(loadDemo, 'local-identities')
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<Result<unknown>>, done: string) => {
    if (busy) return
    setBusy(true)
    const result = await action()
    setBusy(false)
    await finish(result, done)
  }

  const renderList = ({ identities, currentKey }: DemoState) => (
    <View>
      {ROLE_ORDER.map((role) => {
        const people = identities.filter((i) => i.role === role)
        if (people.length === 0) return null
        return (
          <Section key={role} title={ROLE_LABELS[role]}>
            {people.map((person) => (
              <Card key={person.key} className='identity-card' onClick={() => void run(() => signIn(person.key), `已切换为${person.displayName}`)}>
                <View className='identity-card__row'>
                  <Text className='identity-card__name'>{person.displayName}</Text>
                  {person.key === currentKey ? <Tag tone='amber'>当前身份</Tag> : null}
                </View>
                <Text className='identity-card__role'>
                  {ROLE_LABELS[person.role]}{person.venueName ? ` · ${person.venueName}` : ''}
                </Text>
              </Card>
            ))}
          </Section>
        )
      })}
      {currentKey ? (
        <View className='sign-in-page__sign-out'>
          <ActionButton kind='plain' disabled={busy} onClick={() => void run(signOut, '已退出，当前为访客')}>
            退出演示身份
          </ActionButton>
        </View>
      ) : null}
    </View>
  )

  return (
    <View className='page sign-in-page'>
      <View className='local-banner'>
        <Text className='local-banner__title'>本地演示模式</Text>
        <Text className='local-banner__text'>此页面只在本地演示环境中出现。正式小程序由微信识别用户身份，不需要登录。</Text>
      </View>
      <StateGate
        state={state}
        isEmpty={(demo) => demo.identities.length === 0}
        empty={<Empty title='没有可用的演示身份' hint='请检查本地演示数据是否已导入。' />}
      >
        {renderList}
      </StateGate>
    </View>
  )
}
