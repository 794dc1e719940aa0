// 取消报名 on 我的报名: a confirm modal first, then clinic.cancel for that one sign-up (one at a time);
// the answer replaces the card's sign-up, a failure is spelled out in a modal.
import { ok, type MySignup } from '@/contract'
import { call } from '@/services/client'
import { useItemAction } from '@/hooks/use-item-action'

export function useCancel() {
  const { run, running, current, reset } = useItemAction<MySignup>({
    confirm: (signup) => ({
      title: '取消报名',
      content: `确定取消 ${signup.person.name} 的这次报名吗？取消后名额将让给候补的居民。`,
      confirmText: '确定取消',
      cancelText: '暂不取消',
    }),
    act: async (signup) => {
      const result = await call('clinic', 'cancel', { signupId: signup._id })
      return result.ok ? ok(result.data.signup) : result
    },
    doneToast: '已取消报名',
    failTitle: '取消失败',
  })
  return { cancel: run, cancelling: running, current, reset }
}
