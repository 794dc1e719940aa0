// The door's one-time codes, shared by the clinic check-in and the discount-week redeeming: a code is
// `<prefix><documentId>.<128-bit random token>`, bound to the document that stores the token. Staff scan
// it (or, for the clinic, confirm a lookup without one); `usePass` checks the token, the staff member's
// venue and the caller's rules, then marks the document used with ONE conditional update, so a code
// works once however many devices scan it at the same moment; a second scan learns when and by whom.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { fail, ok, type Fail, type Result } from '../../src/contract/result'
import { allowVenue, type StaffMember } from './auth'
import { toChinaIso } from './china-time'
import type { Ctx } from './context'

export function newToken(): string {
  return randomBytes(16).toString('base64url')
}

export function codeOf(id: string, token: string, prefix = ''): string {
  return `${prefix}${id}.${token}`
}

export function parseCode(code: string, prefix = ''): { id: string; token: string } | null {
  if (!code.startsWith(prefix)) return null
  const body = code.slice(prefix.length)
  const dot = body.lastIndexOf('.')
  if (dot <= 0) return null
  return { id: body.slice(0, dot), token: body.slice(dot + 1) }
}

export function sameToken(a: string | undefined, b: string): boolean {
  if (a === undefined || a.length !== b.length) return false
  return timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/** How one kind of pass is read, judged and marked used. */
export interface PassKind<D extends { _id: string; venueId: string }> {
  load(id: string): Promise<D | null>
  token(doc: D): string | undefined
  used(doc: D): boolean
  /** A reason this pass cannot be used now (not yet confirmed, cancelled, another day ...), or null. */
  refuse(doc: D, now: Date): Promise<Fail | null> | Fail | null
  /** One conditional update from unused to used (pinned to `token` when the pass was scanned); false if it lost. */
  mark(doc: D, at: string, token: string | undefined): Promise<boolean>
  /** Told when no document matches the code or its token differs. */
  badCode: string
  /** Told when the pass changed between reading and marking, and is not used. */
  changed: string
}

export type PassUse<D> = { outcome: 'used'; doc: D; at: string } | { outcome: 'already'; doc: D }

/**
 * Uses a pass at the door: by a scanned code (`token` given) or, for a lookup staff confirmed, by id
 * alone. Venue staff may use only their venue's passes (organisers any).
 */
export async function usePass<D extends { _id: string; venueId: string }>(
  ctx: Ctx, member: StaffMember, kind: PassKind<D>, id: string, token: string | undefined,
): Promise<Result<PassUse<D>>> {
  const doc = await kind.load(id)
  if (!doc || (token !== undefined && !sameToken(kind.token(doc), token))) return fail('NOT_FOUND', kind.badCode)
  const allowed = allowVenue(member, doc.venueId)
  if (!allowed.ok) return allowed
  if (kind.used(doc)) return ok({ outcome: 'already', doc })
  const refused = await kind.refuse(doc, ctx.now())
  if (refused) return refused
  const at = toChinaIso(ctx.now())
  if (await kind.mark(doc, at, token)) return ok({ outcome: 'used', doc, at })
  const now = await kind.load(id)
  return now && kind.used(now) ? ok({ outcome: 'already', doc: now }) : fail('CONFLICT', kind.changed)
}
