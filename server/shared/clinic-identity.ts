// Deterministic identities that make retries harmless, and the unguessable check-in code.
// - account key: which WeChat account holds places (a hash, so openids never appear in the slot's holds)
// - person key: sha256(openid + normalised name + phone), so a double tap, a retry or a second device
//   of the same account names the same person; the sign-up `_id` is `<slotId>-<personKey>`.
// - check-in code: `<signupId>.<128-bit random token>`, bound to that sign-up and stored with it.
import { createHash } from 'node:crypto'
import type { SignupPerson } from '../../src/contract/clinic'
import { codeOf, newToken, parseCode } from '../core/one-time-code'

export { sameToken } from '../core/one-time-code'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** Full-width to half-width, no spaces, Latin letters lower-case: 「张 三」, 「张三」 and 「ＺＨＡＮＧ」 match. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}

/** 16 characters, starting with a letter so it is always a plain field name under the slot's `h`. */
export function accountKey(openid: string): string {
  return `a${sha256(`account\n${openid}`).slice(0, 15)}`
}

export function personKey(openid: string, person: Pick<SignupPerson, 'name' | 'phone'>): string {
  return sha256(`${openid}\n${normaliseName(person.name)}\n${person.phone.trim()}`).slice(0, 16)
}

export function signupIdOf(slotId: string, key: string): string {
  return `${slotId}-${key}`
}

/** The slot a sign-up id belongs to (ids are `<slotId>-<16 hex>`); the stored document is the authority. */
export function slotIdOfSignup(signupId: string): string | null {
  const match = /^([A-Za-z0-9_-]{1,40})-[0-9a-f]{16}$/.exec(signupId)
  return match?.[1] ?? null
}

export function newCheckInToken(): string {
  return newToken()
}

export function checkInCode(signupId: string, token: string): string {
  return codeOf(signupId, token)
}

export function parseCheckInCode(code: string): { signupId: string; token: string } | null {
  const parsed = parseCode(code)
  return parsed && { signupId: parsed.id, token: parsed.token }
}

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜 */
export function maskName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** 13812341234 → 138****1234 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}
