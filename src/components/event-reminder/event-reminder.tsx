// 提醒我 on an event page: asks WeChat for the reminder subscribe message inside the tap (nothing
// awaited before it), then festival.remind; once on, says when it will come and offers 取消提醒. Its own
// component so the event page's other parts change independently.
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { EventReminder } from '@/contract'
import { call } from '@/services/client'
import { requestEventReminderPermission } from '../../utils/subscribe-event'
import { ActionButton } from '../action-button'
import { Card } from '../card'

const DECLINED = '您没有允许「活动提醒」通知，无法提醒。请再点「提醒我」，在弹出的窗口中选择「允许」。'

export function EventReminderControl({ eventId, startAt }: { eventId: string; startAt: string }) {
  const [reminder, setReminder] = useState<EventReminder | null | undefined>(undefined)
  const [error, setError] = useState('')
  const [pending, setPending] = useState(false)
  const busy = useRef(false)
  const started = new Date(startAt).getTime() <= Date.now()

  useEffect(() => {
    let live = true
    const load = async () => {
      const res = await call('festival', 'reminder', { eventId })
      if (live) setReminder(res?.ok ? res.data.reminder : null)
    }
    void load()
    return () => {
      live = false
    }
  }, [eventId])

  const act = async (on: boolean) => {
    if (busy.current) return
    busy.current = true
    setPending(true)
    setError('')
    const permission = on ? await requestEventReminderPermission() : 'accepted'
    const res = permission === 'declined'
      ? null
      : await call('festival', on ? 'remind' : 'cancelReminder', { eventId })
    busy.current = false
    setPending(false)
    if (!res) return setError(DECLINED)
    if (!res.ok) return setError(res.message)
    setReminder(res.data)
  }

  if (reminder === undefined || (started && reminder?.state !== 'sent')) return null
  const on = reminder?.state === 'on'
  return (
    <Card className='event-reminder'>
      {reminder?.state === 'sent' ? (
        <Text className='event-reminder__text'>🔔 已按您的要求提醒过这项活动</Text>
      ) : on ? (
        <View>
          <Text className='event-reminder__text'>🔔 已设置提醒：活动开始前一天通过微信服务通知提醒您（夜间不打扰）</Text>
          <ActionButton kind='plain' disabled={pending} onClick={() => void act(false)}>取消提醒</ActionButton>
        </View>
      ) : (
        <View>
          <Text className='event-reminder__text'>想参加？开始前一天提醒您，不怕错过。</Text>
          <ActionButton disabled={pending} onClick={() => void act(true)}>{pending ? '正在设置…' : '提醒我'}</ActionButton>
        </View>
      )}
      {error ? <View className='event-reminder__error' role='alert'><Text>{error}</Text></View> : null}
    </Card>
  )
}
