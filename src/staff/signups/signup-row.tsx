// One sign-up in the staff list: masked name and phone, status, category and services; organisers can
// reveal the full entry after giving a reason (the server records it in the audit log).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { CLINIC_CATEGORY_LABELS, SIGNUP_STATUS_LABELS, type RevealedEntry, type SignupListEntry } from '@/contract'
import { call } from '@/services/client'
import { Card } from '@/components/card'
import { FieldInput } from '@/components/form-field'
import { Tag } from '@/components/tag'

export function SignupRow({ entry, canReveal }: { entry: SignupListEntry; canReveal: boolean }) {
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [full, setFull] = useState<RevealedEntry | null>(null)
  const [error, setError] = useState('')
  const reveal = async () => {
    const res = await call('clinicAdmin', 'revealSignup', { signupId: entry.signupId, reason })
    if (!res.ok) return setError(res.issues?.[0]?.message ?? res.message)
    setFull(res.data)
    setAsking(false)
  }
  return (
    <Card className='signup-row'>
      <View className='signup-row__head'>
        <Text className='signup-row__name'>{full ? `${full.name} · ${full.phone}` : `${entry.maskedName} · ${entry.maskedPhone}`}</Text>
        <Tag>{SIGNUP_STATUS_LABELS[entry.status]}</Tag>
      </View>
      <Text className='signup-row__line'>{CLINIC_CATEGORY_LABELS[entry.category]} · {entry.services.join('、')}</Text>
      {entry.note ? <Text className='signup-row__line muted'>备注：{entry.note}</Text> : null}
      {entry.checkedInAt ? <Text className='signup-row__line muted'>签到：{entry.checkedInAt.slice(5, 16).replace('T', ' ')} {entry.checkedInByName ?? ''}</Text> : null}
      {canReveal && !full && !entry.anonymised && !asking ? (
        <Text className='signup-row__reveal' onClick={() => setAsking(true)}>显示完整信息</Text>
      ) : null}
      {asking ? (
        <View className='signup-row__ask'>
          <FieldInput value={reason} onChange={setReason} placeholder='查看原因，如「电话通知改期」' maxlength={100} />
          {error ? <Text className='signup-row__error'>{error}</Text> : null}
          <Text className='signup-row__reveal' onClick={() => void reveal()}>确认查看（将记录在审计日志）</Text>
        </View>
      ) : null}
    </Card>
  )
}
