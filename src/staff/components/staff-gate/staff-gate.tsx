// Staff pages show their content only to sub-venue staff and organisers (account.whoami); anyone else
// is told whom the page is for. The server checks the role again on every staff action.
import type { ReactNode } from 'react'
import type { Me } from '@/contract'
import { RoleGate } from '@/components/role-gate'

export function StaffGate({ children }: { children: (me: Me) => ReactNode }) {
  return <RoleGate roles={['staff', 'organiser']} title='此页面供分会场工作人员和组委会使用'>{children}</RoleGate>
}
