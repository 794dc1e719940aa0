// 我的: the current identity (account.whoami) with its role and work links, the free-clinic entry, the
// events I asked to be reminded of; on the local runtime also the demo sign-in entry. Reloads when the
// identity changes, and the reminders also when the page shows again.
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, type Me, type Role } from '@/contract'
import { useAction } from '@/hooks/use-action'
import { useReloadOn } from '@/hooks/use-reload-on'
import { Card } from '@/components/card'
import { ClinicEntry } from '@/components/clinic-entry'
import { StaffEntry } from '@/components/staff-entry'
import { ExpertEntry } from '@/components/expert-entry'
import { LocalIdentity } from '@/components/local-identity'
import { MyReminders } from '@/components/my-reminders'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { StateGate } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { IDENTITY_CHANGED } from '@/utils/app-events'
import { openPage, routes } from '@/utils/nav'
import './index.scss'

const ROLE_HINTS: Record<Role, string> = {
  resident: '可以浏览文化节、分会场和活动日程。',
  staff: '可以管理所在分会场的义诊场次和现场签到。',
  organiser: '可以管理文化节全部分会场，并邀请工作人员和专家。',
  expert: '可以参与典型案例的评审。',
}

function Identity({ me }: { me: Me }) {
  const name = me.displayName ?? '微信用户'
  return (
    <View>
      <Card className='me-card'>
        <View className='me-card__avatar'>
          <Text className='me-card__initial'>{name.slice(0, 1)}</Text>
        </View>
        <View className='me-card__body'>
          <Text className='me-card__name'>{name}</Text>
          <View className='me-card__role'>
            <Tag>{ROLE_LABELS[me.role]}</Tag>
          </View>
        </View>
      </Card>
      <Text className='paragraph muted me-page__hint'>{ROLE_HINTS[me.role]}</Text>
      <ExpertEntry me={me} />
      <StaffEntry me={me} />
      {me.role === 'staff' && me.venueId ? (
        <Card className='me-venue-link' onClick={() => openPage(routes.venue(me.venueId ?? ''))}>
          <Text className='me-venue-link__text'>我负责的分会场</Text>
        </Card>
      ) : null}
    </View>
  )
}

export default function MePage() {
  const state = useAction('account', 'whoami', {})
  const reminders = useAction('festival', 'myReminders', {})
  useReloadOn(IDENTITY_CHANGED, state.reload)
  useReloadOn(IDENTITY_CHANGED, reminders.reload)
  useReloadOnReturn(reminders.reload)
  return (
    <View className='page me-page'>
      <StateGate state={state}>{(me) => <Identity me={me} />}</StateGate>
      <ClinicEntry />
      <MyReminders state={reminders} />
      <LocalIdentity />
    </View>
  )
}
