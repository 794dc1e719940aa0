// Staff pages show their content only to sub-venue staff and organisers (account.whoami); anyone else
// is told whom the page is for. The server checks the role again on every staff action.
import type { ReactNode } from 'react'
import type { Me } from '@/contract'
import { useAction } from '@/hooks/use-action'
import { useReloadOn } from '@/hooks/use-reload-on'
import { Empty, StateGate } from '@/components/state-view'
import { IDENTITY_CHANGED } from '@/utils/app-events'

export function StaffGate({ children }: { children: (me: Me) => ReactNode }) {
  const state = useAction('account', 'whoami', {})
  useReloadOn(IDENTITY_CHANGED, state.reload)
  return (
    <StateGate
      state={state}
      isEmpty={(me) => me.role !== 'staff' && me.role !== 'organiser'}
      empty={<Empty title='此页面供分会场工作人员和组委会使用' hint='如需开通，请联系文化节组委会获取邀请码。' />}
    >
      {children}
    </StateGate>
  )
}
