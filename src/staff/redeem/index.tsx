// 绑定工作身份: sub-venue staff, organisers and experts enter the invite code an organiser gave them;
// the role is bound to their WeChat identity by the server (account.redeemInvite).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, type Fail, type Redeemed } from '@/contract'
import { call } from '@/services/client'
import { ActionButton } from '@/components/action-button'
import { FieldInput, FormField } from '@/components/form-field'
import { notifyIdentityChanged } from '@/utils/app-events'
import { openTab, routes } from '@/utils/nav'
import '../styles.scss'
import './index.scss'

const issueFor = (error: Fail | null, path: string) => error?.issues?.find((i) => i.path === path)?.message

export default function RedeemPage() {
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<Fail | null>(null)
  const [done, setDone] = useState<Redeemed | null>(null)

  const submit = async () => {
    if (pending) return
    setPending(true)
    const res = await call('account', 'redeemInvite', { code, displayName: name })
    setPending(false)
    if (!res.ok) return setError(res)
    setError(null)
    setDone(res.data)
    notifyIdentityChanged()
  }

  if (done) {
    return (
      <View className='page redeem'>
        <View className='redeem__done'>
          <Text className='redeem__done-title'>绑定成功</Text>
          <Text className='paragraph'>{`${done.displayName}，您现在的身份是「${ROLE_LABELS[done.role]}」。`}</Text>
        </View>
        <ActionButton onClick={() => openTab(routes.me)}>回到「我的」</ActionButton>
      </View>
    )
  }
  return (
    <View className='page redeem'>
      <Text className='paragraph muted redeem__intro'>请输入组委会发给您的邀请码。绑定后，您的微信就能使用相应的工作功能。</Text>
      <FormField label='邀请码' required error={issueFor(error, 'code')} hint='10 位字母和数字，不区分大小写'>
        <FieldInput value={code} onChange={setCode} placeholder='如 7K3M9Q2HXP' maxlength={24} />
      </FormField>
      <FormField label='您的称呼' required error={issueFor(error, 'displayName')} hint='会显示在签到和审核记录里'>
        <FieldInput value={name} onChange={setName} placeholder='如 巴南分会场 张医生' maxlength={20} />
      </FormField>
      {error && !error.issues ? <View className='form-field__error' role='alert'><Text>{error.message}</Text></View> : null}
      <ActionButton disabled={pending} onClick={() => void submit()}>{pending ? '正在绑定…' : '绑定'}</ActionButton>
    </View>
  )
}
