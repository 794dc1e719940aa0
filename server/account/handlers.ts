// Who the caller is to the festival: a resident unless the staff collection binds their openid to a role.
import type { Me, Role } from '../../src/contract/model'
import { ok } from '../../src/contract/result'
import { COLLECTIONS } from '../core/collections'
import { getFirst } from '../core/db'
import type { Handlers } from '../core/router'

interface StaffDoc {
  _id: string
  role: Exclude<Role, 'resident'>
  venueId?: string
  displayName?: string
}

export const accountHandlers: Handlers<'account'> = {
  async whoami(_input, ctx) {
    if (!ctx.openid) return ok({ role: 'resident' })
    const staff = await getFirst<StaffDoc>(ctx.db.collection(COLLECTIONS.staff).where({ _id: ctx.openid }).limit(1))
    if (!staff) return ok({ role: 'resident' })
    const me: Me = { role: staff.role }
    if (staff.venueId) me.venueId = staff.venueId
    if (staff.displayName) me.displayName = staff.displayName
    return ok(me)
  },
}
