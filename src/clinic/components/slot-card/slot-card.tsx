// A clinic slot in the list: title and status, date and time, venue and place, services as tags,
// who it is for, and places left (or 候补); tapping opens the slot's sign-up page.
import { Text, View } from '@tarojs/components'
import type { ClinicSlotSummary } from '@/contract'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { clinicRoutes } from '../../routes'
import { audienceText, placesText, slotWhen, statusLabel, STATUS_TONES } from '../../utils/slot-text'

export function SlotCard({ slot }: { slot: ClinicSlotSummary }) {
  return (
    <Card className='slot-card' onClick={() => openPage(clinicRoutes.slot(slot._id))}>
      <View className='slot-card__head'>
        <Text className='slot-card__title'>{slot.title}</Text>
        <Tag tone={STATUS_TONES[slot.status]}>{statusLabel(slot)}</Tag>
      </View>
      <Text className='slot-card__line'>📅 {slotWhen(slot)}</Text>
      <Text className='slot-card__line'>📍 {slot.venueName} · {slot.place}</Text>
      <View className='slot-card__tags'>
        {slot.services.map((service) => <Tag key={service}>{service}</Tag>)}
      </View>
      <Text className='slot-card__line'>面向：{audienceText(slot.audience)}</Text>
      <Text className={`slot-card__places slot-card__places--${slot.status}`}>{placesText(slot)}</Text>
    </Card>
  )
}
