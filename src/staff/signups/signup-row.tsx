// One sign-up in the staff list: 报名号, masked name and phone, status, category, services, the
// resident's note (organisers; staff see only that there is one), check-in and a one-line history; organisers can reveal the full entry after giving a reason (the server records
// it in the audit log). Entries whose personal data was deleted say so and cannot be revealed.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  CLINIC_CATEGORY_LABELS, SIGNUP_EVENT_LABELS, SIGNUP_STATUS_LABELS, type RevealedEntry, type SignupHistoryEntry, type SignupListEntry,
} from '@/contract'
import { call } from '@/services/client'
import { Card } from '@/components/card'
import { FieldInput } from '@/components/form-field'
import { Tag } from '@/components/tag'

const shortTime = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`

/** 「报名成功 6月20日 09:00 → 现场签到 6月26日 09:12」 */
export function historyLine(history: SignupHistoryEntry[]): string {
  return history.map((e) => `${SIGNUP_EVENT_LABELS[e.event]} ${shortTime(e.at)}`).join(' → ')
}

export function SignupRow({ entry, canReveal }: { entry: SignupListEntry; canReveal: boolean }) {
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [full, setFull] = useState<RevealedEntry | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const reveal = async () => {
    if (reason.trim().length < 2) return setError('请先写明查看原因（至少 2 个字），如「电话通知改期」')
    setBusy(true)
    const res = await call('clinicAdmin', 'revealSignup', { signupId: entry.signupId, reason: reason.trim() })
    setBusy(false)
    if (!res.ok) return setError(res.issues?.[0]?.message ?? res.message)
    setFull(res.data)
    setAsking(false)
  }
  return (
    <Card className='signup-row'>
      <View className='signup-row__head'>
        <Text className='signup-row__name'>{full ? `${full.name} · ${full.phone}` : `${entry.maskedName} · ${entry.maskedPhone}`}</Text>
        <Text className='signup-row__number'>报名号 {entry.number}</Text>
        <Tag>{SIGNUP_STATUS_LABELS[entry.status]}</Tag>
      </View>
      <Text className='signup-row__line'>{CLINIC_CATEGORY_LABELS[entry.category]} · {entry.services.join('、')}</Text>
      {full?.birthMonth ? <Text className='signup-row__line'>出生年月：{full.birthMonth}</Text> : null}
      {entry.note ?? full?.note ? <Text className='signup-row__line muted'>备注：{entry.note ?? full?.note}</Text> : null}
      {entry.hasNote && !full ? <Text className='signup-row__line muted'>有居民备注（仅组委会可查看）</Text> : null}
      {entry.checkedInAt ? <Text className='signup-row__line muted'>签到：{shortTime(entry.checkedInAt)} {entry.checkedInByName ?? ''}</Text> : null}
      {entry.history.length > 0 ? <Text className='signup-row__line muted'>{historyLine(entry.history)}</Text> : null}
      {entry.anonymised ? <Text className='signup-row__line muted'>个人信息已按保留期限删除，仅保留统计数据</Text> : null}
      {canReveal && !full && !entry.anonymised && !asking ? (
        <Text className='signup-row__reveal' onClick={() => setAsking(true)}>显示完整信息</Text>
      ) : null}
      {asking ? (
        <View className='signup-row__ask'>
          <FieldInput value={reason} onChange={(v) => { setReason(v); setError('') }} placeholder='查看原因，如「电话通知改期」' maxlength={100} />
          {error ? <Text className='signup-row__error'>{error}</Text> : null}
          <Text className='signup-row__reveal' onClick={() => { if (!busy) void reveal() }}>
            {busy ? '正在查询…' : '确认查看（将记录在审计日志）'}
          </Text>
          <Text className='signup-row__cancel' onClick={() => { setAsking(false); setError('') }}>取消</Text>
        </View>
      ) : null}
    </Card>
  )
}
