// 我的活动提醒 on 我的: the events I asked to be reminded of (festival.myReminders), soonest first, each
// opening its event and with 取消提醒 (confirmed). Reloads with the page's identity and on return.
import { Text, View } from '@tarojs/components'
import { EVENT_REMINDER_STATE_LABELS, type EventReminder } from '@/contract'
import { call } from '@/services/client'
import type { Loaded } from '@/hooks/use-result'
import { useItemAction } from '@/hooks/use-item-action'
import { openPage, routes } from '@/utils/nav'
import { shortInstant } from '@/utils/time'
import { ActionButton } from '../action-button'
import { Card } from '../card'
import { Section } from '../section'
import { Tag } from '../tag'

export function MyReminders({ state }: { state: Loaded<EventReminder[]> }) {
  const cancel = useItemAction<EventReminder>({
    confirm: (r) => ({ title: '取消提醒', content: `不再提醒「${r.title}」？`, confirmText: '取消提醒', cancelText: '保留' }),
    act: (r) => call('festival', 'cancelReminder', { eventId: r.eventId }),
    doneToast: '已取消提醒',
    failTitle: '没能取消提醒',
  })
  if (state.status !== 'ready') return null
  const items = state.data.map(cancel.current)
  return (
    <Section title='我的活动提醒'>
      {items.length === 0 ? (
        <Text className='paragraph muted'>在活动页点「提醒我」，活动开始前一天会提醒您。</Text>
      ) : items.map((r) => (
        <Card key={r._id} className='my-reminder'>
          <View className='my-reminder__head' onClick={() => openPage(routes.event(r.eventId))}>
            <Text className='my-reminder__title'>{r.title}</Text>
            <Tag tone={r.state === 'on' ? 'red' : 'grey'}>{EVENT_REMINDER_STATE_LABELS[r.state]}</Tag>
          </View>
          <Text className='my-reminder__line'>{shortInstant(r.startAt)} · {r.place}</Text>
          {r.state === 'on' ? (
            <ActionButton kind='plain' disabled={cancel.running === r._id} onClick={() => void cancel.run(r)}>取消提醒</ActionButton>
          ) : null}
        </Card>
      ))}
    </Section>
  )
}
