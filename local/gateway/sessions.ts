// Local stand-in for WeChat's identity: each browser gets a session cookie bound to an openid. A new
// browser is an anonymous resident (a fresh visitor openid), as a new WeChat user would be; the local
// sign-in screen can bind the session to a demo identity instead. The openid never comes from the body.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { DemoIdentity } from '../demo/identities'
import { parseCookies } from './http-util'

export const SESSION_COOKIE = 'fest_sid'

export interface Session {
  id: string
  openid: string
  /** Set when signed in as a demo identity from the local sign-in screen. */
  identity?: DemoIdentity
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  /** The request's session, creating a visitor session when there is none (`created` says so). */
  resolve(req: IncomingMessage): { session: Session; created: boolean } {
    const sid = parseCookies(req.headers.cookie)[SESSION_COOKIE]
    const existing = sid ? this.sessions.get(sid) : undefined
    if (existing) return { session: existing, created: false }
    const session: Session = { id: randomBytes(18).toString('base64url'), openid: `local-visitor-${randomBytes(8).toString('hex')}` }
    this.sessions.set(session.id, session)
    return { session, created: true }
  }

  signIn(session: Session, identity: DemoIdentity): void {
    session.identity = identity
    session.openid = identity.openid
  }

  signOut(session: Session): void {
    delete session.identity
    session.openid = `local-visitor-${randomBytes(8).toString('hex')}`
  }
}

export function sessionCookie(session: Session): string {
  return `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax`
}
