// One of my sign-ups: status, slot, person, services, the check-in QR code for a confirmed place,
// 取消报名 (when allowed, before the cut-off) and the history timeline.
import { Text, View } from '@tarojs/components'
import {
  CLINIC_CATEGORY_LABELS, PERSON_RELATION_LABELS, SIGNUP_STATUS_LABELS, type MySignup, type SignupViewStatus,
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

const TONES: Record<SignupViewStatus, 'red' | 'amber' | 'grey'> = {
  confirmed: 'red', waitlisted: 'amber', checked_in: 'red', cancelled: 'grey', no_show: 'grey',
}

const maskPhone = (phone: string) => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone)

export interface SignupCardProps {
  signup: MySignup
  cancelling: boolean
  onCancel: (signup: MySignup) => void
}

export function SignupCard({ signup, cancelling, onCancel }: SignupCardProps) {
  const { slot, person } = signup
  return (
    <Card className={`signup-card signup-card--${signup.status}`}>
      <View className='signup-card__head'>
        <Text className='signup-card__title'>{slot ? slot.title : '该场次已取消'}</Text>
        <Tag tone={TONES[signup.status]}>{SIGNUP_STATUS_LABELS[signup.status]}</Tag>
      </View>
      {slot ? (
        <View className='signup-card__slot' hoverClass='signup-card__slot--pressed' onClick={() => openPage(clinicRoutes.slot(slot._id))}>
          <Text className='signup-card__line'>📅 {slotWhen(slot)}</Text>
          <Text className='signup-card__line'>📍 {slot.venueName} · {slot.place}</Text>
        </View>
      ) : null}
      <Text className='signup-card__line'>
        👤 {person.name}（{PERSON_RELATION_LABELS[person.relation]} · {CLINIC_CATEGORY_LABELS[person.category]}）{maskPhone(person.phone)}
      </Text>
      <View className='signup-card__tags'>
        {signup.services.map((service) => <Tag key={service}>{service}</Tag>)}
      </View>
      {signup.status === 'waitlisted' ? (
        <Text className='signup-card__hint'>有人取消时将按顺序自动转为报名成功，并通知您。</Text>
      ) : null}
      {signup.checkInCode ? (
        <View className='signup-card__code'>
          <Text className='signup-card__code-title'>签到码：到场后请向工作人员出示</Text>
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
      <SignupHistory history={signup.history} />
    </Card>
  )
}
