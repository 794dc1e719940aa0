// 到场方式 of a clinic slot: the venue's full address, 地图/导航, 拨打电话 (where the venue gives a
// number) and 添加到日历. What each button does differs per platform (utils/open-map, utils/reach).
import { Text, View } from '@tarojs/components'
import type { ClinicSlotSummary, VenuePlace } from '@/contract'
import { openMap } from '@/utils/open-map'
import { addToCalendar, callPhone } from '@/utils/reach'
import type { CalendarEntry } from '@/utils/calendar'
import type { MapPlace } from '@/utils/map-place'

type SlotFacts = Pick<ClinicSlotSummary, '_id' | 'title' | 'venueName' | 'place' | 'date' | 'startTime' | 'endTime'>

/** The venue's street address followed by the slot's own spot (e.g. 2 号帐篷), without repeating it. */
export function fullAddress(slot: SlotFacts, venue?: VenuePlace): string {
  if (!venue) return `${slot.venueName} · ${slot.place}`
  return venue.address.includes(slot.place) ? venue.address : `${venue.address}（${slot.place}）`
}

export function mapPlaceOf(slot: SlotFacts, venue?: VenuePlace): MapPlace {
  const place: MapPlace = { name: `${slot.venueName} · ${slot.place}`, address: fullAddress(slot, venue) }
  if (venue?.latitude !== undefined && venue.longitude !== undefined) {
    place.latitude = venue.latitude
    place.longitude = venue.longitude
  }
  return place
}

export function calendarEntryOf(slot: SlotFacts, venue?: VenuePlace): CalendarEntry {
  return {
    title: `义诊：${slot.title}`,
    startAt: `${slot.date}T${slot.startTime}:00+08:00`,
    endAt: `${slot.date}T${slot.endTime}:00+08:00`,
    location: fullAddress(slot, venue),
    description: `${slot.venueName}专家义诊。请按时到场，向工作人员出示「我的报名」中的签到码。`,
  }
}

export interface GettingThereProps {
  slot: SlotFacts
  venue?: VenuePlace
  /** A shorter block (the 我的报名 card): the address on one line and the buttons beneath. */
  compact?: boolean
}

export function GettingThere({ slot, venue, compact }: GettingThereProps) {
  return (
    <View className={`getting-there${compact ? ' getting-there--compact' : ''}`}>
      {compact ? null : <Text className='getting-there__label'>地址</Text>}
      <Text className='getting-there__address'>{compact ? '📍 ' : ''}{fullAddress(slot, venue)}</Text>
      <View className='getting-there__actions'>
        <View className='getting-there__action' hoverClass='getting-there__action--pressed' onClick={() => openMap(mapPlaceOf(slot, venue))}>
          <Text>🗺 地图/导航</Text>
        </View>
        {venue?.phone ? (
          <View className='getting-there__action' hoverClass='getting-there__action--pressed' onClick={() => callPhone(venue.phone ?? '')}>
            <Text>{`📞 ${venue.phone}`}</Text>
          </View>
        ) : null}
        <View
          className='getting-there__action'
          hoverClass='getting-there__action--pressed'
          onClick={() => addToCalendar(calendarEntryOf(slot, venue), `${slot._id}@fuyou-festival`)}
        >
          <Text>📅 添加到日历</Text>
        </View>
      </View>
    </View>
  )
}
