// The facts of one slot above its sign-up form: status, time, place, services, audience, places,
// sign-up window, cancel cut-off, the per-account limit and the organiser's note.
import { Text, View } from '@tarojs/components'
import type { ClinicSlotDetail } from '@/contract'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { Tag } from '@/components/tag'
import { shortInstant } from '@/utils/time'
import { audienceText, placesText, slotWhen, statusLabel, STATUS_TONES } from '../../utils/slot-text'

export function SlotInfo({ slot }: { slot: ClinicSlotDetail }) {
  return (
    <Card className='slot-info'>
      <View className='slot-info__head'>
        <Text className='slot-info__title'>{slot.title}</Text>
        <Tag tone={STATUS_TONES[slot.status]}>{statusLabel(slot)}</Tag>
      </View>
      <Text className='slot-info__places'>{placesText(slot)}</Text>
      <InfoRow label='时间'>{slotWhen(slot)}</InfoRow>
      <InfoRow label='地点'>{slot.venueName} · {slot.place}</InfoRow>
      <InfoRow label='义诊服务'>
        {slot.services.map((service) => <Tag key={service}>{service}</Tag>)}
      </InfoRow>
      <InfoRow label='面向人群'>{audienceText(slot.audience)}</InfoRow>
      <InfoRow label='报名时间'>{shortInstant(slot.signupOpensAt)} 至 {shortInstant(slot.signupClosesAt)}</InfoRow>
      <InfoRow label='取消截止'>{shortInstant(slot.cancelCutoffAt)} 前可在「我的报名」中取消</InfoRow>
      <InfoRow label='报名人数'>每个微信号最多为 {slot.perAccountLimit} 人报名本场</InfoRow>
      {slot.note ? <InfoRow label='说明'>{slot.note}</InfoRow> : null}
    </Card>
  )
}
