// A programme split by time: what is still to come (or under way) first, ended events folded below
// behind 已结束的活动（N）, so a resident sees this edition's next steps without scrolling past the past.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { FestivalEvent } from '@/contract'
import { EventTimeline } from './event-timeline'

/** An event has ended once its end (or, without one, its start day's end) has passed. */
export function eventEnded(event: FestivalEvent, now: number): boolean {
  if (event.endAt) return Date.parse(event.endAt) < now
  return Date.parse(event.startAt) + 24 * 3600 * 1000 < now
}

export function splitProgramme(events: FestivalEvent[], now: number): { coming: FestivalEvent[]; ended: FestivalEvent[] } {
  const coming: FestivalEvent[] = []
  const ended: FestivalEvent[] = []
  for (const event of events) (eventEnded(event, now) ? ended : coming).push(event)
  return { coming, ended: ended.reverse() }
}

export function EventProgramme({ events, now = Date.now() }: { events: FestivalEvent[]; now?: number }) {
  const { coming, ended } = splitProgramme(events, now)
  const [open, setOpen] = useState(coming.length === 0)
  return (
    <View className='event-programme'>
      {coming.length > 0 ? <EventTimeline events={coming} /> : <Text className='event-programme__none'>近期没有新的活动安排。</Text>}
      {ended.length > 0 ? (
        <View className='event-programme__past'>
          <View className='event-programme__toggle' hoverClass='event-programme__toggle--pressed' onClick={() => setOpen(!open)}>
            <Text>{`已结束的活动（${ended.length}）`}</Text>
            <Text>{open ? '收起 ▴' : '展开 ▾'}</Text>
          </View>
          {open ? <EventTimeline events={ended} /> : null}
        </View>
      ) : null}
    </View>
  )
}
