// Who the caller is to the festival (a resident unless the staff collection binds their openid to a
// role), and the invite codes that bind roles.
import type { Me, Role } from '../../src/contract/model'
import { fail, ok } from '../../src/contract/result'
import { requireOrganiser } from '../core/auth'
import { COLLECTIONS } from '../core/collections'
import { getDocs, getFirst, updated } from '../core/db'
import type { Handlers } from '../core/router'
import { create, redeem, toView, type InviteDoc } from './invites'

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

  async createInvite(input, ctx) {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
    return create(ctx, auth.member.displayName, input)
  },

  async listInvites(_input, ctx) {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
    const docs = await getDocs<InviteDoc>(
      ctx.db.collection(COLLECTIONS.invites).where({ _id: ctx.db.command.neq('bootstrap') }).orderBy('createdAt', 'desc').limit(100),
    )
    return ok(docs.map(toView))
  },

  async revokeInvite(input, ctx) {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
    const changed = await updated(ctx.db.collection(COLLECTIONS.invites).where({ _id: input.code, revoked: false }).update({ data: { revoked: true } }))
    const doc = await getFirst<InviteDoc>(ctx.db.collection(COLLECTIONS.invites).where({ _id: input.code }).limit(1))
    if (!doc) return fail('NOT_FOUND', '邀请码不存在，请核对后重试')
    return changed === 1 || doc.revoked ? ok(toView(doc)) : fail('CONFLICT')
  },

  redeemInvite: (input, ctx) => redeem(ctx, input.code, input.displayName),
}
