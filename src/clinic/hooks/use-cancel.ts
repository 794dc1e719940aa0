// 取消报名 on 我的报名: a confirm modal first, then clinic.cancel for that one sign-up (one at a time);
// the answer replaces the card's sign-up, a failure is spelled out in a modal.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { MySignup } from '@/contract'
import { call } from '@/services/client'

export function useCancel() {
  const [updated, setUpdated] = useState<Record<string, MySignup>>({})
  const [cancelling, setCancelling] = useState<string | null>(null)
  const busy = useRef(false)

  const cancel = async (signup: MySignup) => {
    if (busy.current) return
    busy.current = true
    const answer = await Taro.showModal({
      title: '取消报名',
      content: `确定取消 ${signup.person.name} 的这次报名吗？取消后名额将让给候补的居民。`,
      confirmText: '确定取消',
      cancelText: '暂不取消',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) {
      busy.current = false
      return
    }
    setCancelling(signup._id)
    const result = await call('clinic', 'cancel', { signupId: signup._id })
    busy.current = false
    setCancelling(null)
    if (result.ok) {
      setUpdated((all) => ({ ...all, [signup._id]: result.data.signup }))
      Taro.showToast({ title: '已取消报名', icon: 'none' }).catch(() => undefined)
      return
    }
    await Taro.showModal({ title: '取消失败', content: result.message, showCancel: false }).catch(() => undefined)
  }

  /** The sign-up as last known: the cancel answer when there is one. */
  const current = (signup: MySignup) => updated[signup._id] ?? signup
  const reset = () => setUpdated({})

  return { cancel, cancelling, current, reset }
}
