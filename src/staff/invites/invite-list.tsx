// The organiser's invite codes: each with its role, venue, uses left, expiry, and a 作废 button.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, type InviteView } from '@/contract'
import { DEFAULT_CASE_CATEGORIES } from '@/contract/selection'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'

const categoryLabel = (key: string) => DEFAULT_CASE_CATEGORIES.find((c) => c.key === key)?.label ?? key

function stateOf(invite: InviteView, now: string): string {
  if (invite.revoked) return '已作废'
  if (invite.expiresAt <= now) return '已过期'
  if (invite.used >= invite.uses) return '已用完'
  return `可用 ${invite.uses - invite.used}/${invite.uses} 次`
}

export interface InviteListProps {
  invites: InviteView[]
  venueNames: Record<string, string>
  now: string
  onRevoke: (code: string) => void
}

export function InviteList({ invites, venueNames, now, onRevoke }: InviteListProps) {
  if (invites.length === 0) return <Text className='paragraph muted'>还没有邀请码。</Text>
  const confirmRevoke = async (code: string) => {
    const { confirm } = await Taro.showModal({ title: '作废邀请码', content: `作废后 ${code} 不能再绑定新身份（已绑定的不受影响）。确定作废吗？` })
    if (confirm) onRevoke(code)
  }
  return (
    <View>
      {invites.map((invite) => {
        const state = stateOf(invite, now)
        return (
          <Card key={invite.code} className='invite-item'>
            <View className='invite-item__head'>
              <Text className='invite-item__code'>{invite.code}</Text>
              <Tag>{state}</Tag>
            </View>
            <Text className='invite-item__line'>
              {ROLE_LABELS[invite.role]}{invite.venueId ? ` · ${venueNames[invite.venueId] ?? invite.venueId}` : ''}
              {invite.note ? ` · ${invite.note}` : ''}
            </Text>
            {invite.expertScope ? (
              <Text className='invite-item__line'>{`评审类别：${invite.expertScope.categories.map(categoryLabel).join('、')}`}</Text>
            ) : null}
            <Text className='invite-item__line muted'>{`有效期至 ${invite.expiresAt.slice(0, 10)} · ${invite.createdBy} 创建`}</Text>
            {state.startsWith('可用') ? (
              <Text className='invite-item__revoke' onClick={() => void confirmRevoke(invite.code)}>作废</Text>
            ) : null}
          </Card>
        )
      })}
    </View>
  )
}
