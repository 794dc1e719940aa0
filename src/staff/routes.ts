// Routes of the staff subpackage: door check-in, the slot create/edit form, invite codes.
export const staffRoutes = {
  invites: '/staff/invites/index',
  signups: '/staff/signups/index',
  redeem: '/staff/redeem/index',
  checkIn: '/staff/check-in/index',
  /** 门口签到名单 of one slot, to print. */
  doorList: (slotId: string) => `/staff/door-list/index?slotId=${encodeURIComponent(slotId)}`,
  /** Without an id: a new slot. */
  slotEdit: (id?: string) => (id ? `/staff/slot-edit/index?id=${encodeURIComponent(id)}` : '/staff/slot-edit/index'),
}
