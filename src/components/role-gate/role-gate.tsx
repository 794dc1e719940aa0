// A page's content only for the roles it serves (account.whoami); anyone else is told whom the page is for
// and how to get access, instead of seeing forms whose every write the server would refuse.
import type { ReactNode } from 'react'
import type { Me, Role } from '@/contract'
import { useAction } from '@/hooks/use-action'
import { useReloadOn } from '@/hooks/use-reload-on'
import { Empty, StateGate } from '@/components/state-view'
import { IDENTITY_CHANGED } from '@/utils/app-events'

export interface RoleGateProps {
  roles: readonly Role[]
  /** Whom the page is for, e.g. 此功能仅限文化节组委会使用 */
  title: string
  hint?: string
  children: (me: Me) => ReactNode
}

export function RoleGate({ roles, title, hint = '如需开通，请联系文化节组委会获取邀请码。', children }: RoleGateProps) {
  const state = useAction('account', 'whoami', {})
  useReloadOn(IDENTITY_CHANGED, state.reload)
  return (
    <StateGate state={state} isEmpty={(me) => !roles.includes(me.role)} empty={<Empty title={title} hint={hint} />}>
      {children}
    </StateGate>
  )
}
