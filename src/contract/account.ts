// Invite codes: how an organiser gives a WeChat user a role (sub-venue staff, organiser, expert).
// Plain types for the app; schemas are in account-contract.ts.

export type InvitedRole = 'staff' | 'organiser' | 'expert'

/** For an expert invite: the selection and case categories the redeemer will score. */
export interface ExpertScope {
  selectionId: string
  categories: string[]
}

export interface InviteView {
  code: string
  role: InvitedRole
  venueId?: string
  expertScope?: ExpertScope
  note?: string
  uses: number
  used: number
  /** ISO 8601 +08:00 */
  expiresAt: string
  createdAt: string
  createdBy: string
  revoked: boolean
}

export interface Redeemed {
  role: InvitedRole
  venueId?: string
  displayName: string
}

/** Letters and digits that cannot be mistaken for one another when read aloud or typed. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const INVITE_CODE_LENGTH = 10
