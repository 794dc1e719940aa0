// One of my sign-ups, kept short: status, slot, person, 报名号, the way there and the check-in QR code for
// a place still to come, 取消报名 (when allowed, before the cut-off). Services and the history open on
// demand (详情与办理记录).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  CLINIC_CATEGORY_LABELS, PERSON_RELATION_LABELS, SIGNUP_STATUS_LABELS, signupNumber,
  type MySignup, type SignupViewStatus, type VenuePlace,
} from '@/contract'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { clinicRoutes } from '../../routes'
import { shortInstant } from '@/utils/time'
import { slotWhen } from '../../utils/slot-text'
import { QrCode } from '@/components/qr-code'
import { SignupHistory } from './signup-history'
import { GettingThere } from '../getting-there'

/** A place still to be used: the resident needs the way there. */
const upcoming = (signup: MySignup) =>
  (signup.status === 'confirmed' || signup.status === 'waitlisted') && signup.slot !== null && signup.slot.status !== 'over'

const TONES: Record<SignupViewStatus, 'red' | 'amber' | 'grey'> = {
  confirmed: 'red', waitlisted: 'amber', checked_in: 'red', cancelled: 'grey', no_show: 'grey',
}

const maskPhone = (phone: string) => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone)

export interface SignupCardProps {
  signup: MySignup
  /** How to reach the slot's venue, when known. */
  venue?: VenuePlace
  cancelling: boolean
  onCancel: (signup: MySignup) => void
}

export function SignupCard({ signup, venue, cancelling, onCancel }: SignupCardProps) {
  const { slot, person } = signup
  const [open, setOpen] = useState(false)
  const active = upcoming(signup)
  return (
    <Card className={`signup-card signup-card--${signup.status}`}>
      <View className='signup-card__head'>
        <Text className='signup-card__title'>{slot ? slot.title : '该场次已取消'}</Text>
        <Tag tone={TONES[signup.status]}>{SIGNUP_STATUS_LABELS[signup.status]}</Tag>
      </View>
      {slot ? (
        <View className='signup-card__slot' hoverClass='signup-card__slot--pressed' onClick={() => openPage(clinicRoutes.slot(slot._id))}>
          <Text className='signup-card__line'>📅 {slotWhen(slot)}</Text>
        </View>
      ) : null}
      {slot && active ? <GettingThere slot={slot} venue={venue} compact /> : null}
      {slot && !active ? <Text className='signup-card__line'>📍 {slot.venueName} · {slot.place}</Text> : null}
      <Text className='signup-card__line'>
        👤 {person.name}（{PERSON_RELATION_LABELS[person.relation]} · {CLINIC_CATEGORY_LABELS[person.category]}）{maskPhone(person.phone)}
      </Text>
      <Text className='signup-card__number'>{`报名号 ${signupNumber(signup._id)}`}</Text>
      {signup.status === 'waitlisted' ? (
        <Text className='signup-card__hint'>有人取消时将按顺序自动转为报名成功，并通知您。</Text>
      ) : null}
      {signup.checkInCode ? (
        <View className='signup-card__code'>
          <Text className='signup-card__code-title'>签到码：到场后请向工作人员出示（扫不出时报报名号）</Text>
          <QrCode text={signup.checkInCode} />
        </View>
      ) : null}
      {signup.canCancel ? (
        <View className='signup-card__cancel'>
          {signup.cancelCutoffAt ? <Text className='signup-card__hint'>取消截止：{shortInstant(signup.cancelCutoffAt)}</Text> : null}
          <ActionButton kind='plain' disabled={cancelling} onClick={() => onCancel(signup)}>
            {cancelling ? '正在取消…' : '取消报名'}
          </ActionButton>
        </View>
      ) : null}
      <View className='signup-card__more' hoverClass='signup-card__more--pressed' onClick={() => setOpen(!open)}>
        <Text>{open ? '收起详情 ▴' : '详情与办理记录 ▾'}</Text>
      </View>
      {open ? (
        <View className='signup-card__details'>
          <View className='signup-card__tags'>
            {signup.services.map((service) => <Tag key={service}>{service}</Tag>)}
          </View>
          <SignupHistory history={signup.history} />
        </View>
      ) : null}
    </Card>
  )
}
