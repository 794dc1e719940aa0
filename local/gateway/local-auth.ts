// The local sign-in endpoints behind the h5-only sign-in screen: list the demo identities, bind the
// session to one, sign out. They exist only in the local gateway; the weapp build has no such screen.
// The demo sign-in makes anyone an organiser, so it is on only where nobody else can reach the app:
// by default when the app listens on loopback only (LOCAL_DEMO_SIGNIN=1 or 0 overrides).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ok } from '../../src/contract/result'
import { demoIdentities } from '../demo/identities'
import { ClientGone, readBody, sendFail, sendJson } from './http-util'
import type { Session, SessionStore } from './sessions'

const venueNames: Record<string, string> = {}

export function setVenueNames(names: Record<string, string>): void {
  Object.assign(venueNames, names)
}

/** True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h)
}

/** Whether the demo sign-in is on for an app listening on `host`, and why (printed by `npm start`). */
export function demoSignInSetting(host: string, flag: string | undefined): { enabled: boolean; reason: string } {
  if (flag === '1') return { enabled: true, reason: isLoopback(host) ? '已开启（LOCAL_DEMO_SIGNIN=1）' : `已开启（LOCAL_DEMO_SIGNIN=1）：注意，能访问 ${host} 的任何人都可以登录为组委会等任意演示身份` }
  if (flag === '0') return { enabled: false, reason: '已关闭（LOCAL_DEMO_SIGNIN=0）' }
  return isLoopback(host)
    ? { enabled: true, reason: '已开启（只在本机可访问）' }
    : { enabled: false, reason: `已关闭：HOST=${host} 对本机以外开放，演示登录会让任何人成为组委会；确需开启请设置 LOCAL_DEMO_SIGNIN=1` }
}

export const DEMO_SIGNIN_OFF = '本地演示登录已关闭（应用对本机以外开放）；如确需使用，请以 LOCAL_DEMO_SIGNIN=1 重新启动'

function publicIdentity(session: Session | null) {
  const id = session?.identity
  return id ? { key: id.key, displayName: id.displayName, role: id.role } : null
}

export interface LocalAuthContext {
  sessions: SessionStore
  enabled: boolean
  /** The caller's session, created when missing (only for the routes that bind one). */
  sessionFor(req: IncomingMessage, res: ServerResponse): Session
}

export async function handleLocalAuth(req: IncomingMessage, res: ServerResponse, path: string, ctx: LocalAuthContext): Promise<void> {
  if (req.method === 'GET' && path === '/api/local/identities') {
    if (!ctx.enabled) return sendFail(res, 'FORBIDDEN', DEMO_SIGNIN_OFF)
    const list = demoIdentities.map(({ key, displayName, role, venueId }) => ({
      key, displayName, role, ...(venueId && venueNames[venueId] ? { venueName: venueNames[venueId] } : {}),
    }))
    return sendJson(res, 200, ok(list))
  }
  if (req.method === 'GET' && path === '/api/local/session') {
    return sendJson(res, 200, ok(ctx.enabled ? publicIdentity(ctx.sessions.peek(req)) : null))
  }
  if (req.method === 'POST' && path === '/api/local/sign-out') {
    req.resume()
    const session = ctx.sessions.peek(req)
    if (session) ctx.sessions.signOut(session)
    return sendJson(res, 200, ok(null))
  }
  if (req.method === 'POST' && path === '/api/local/sign-in') {
    if (!ctx.enabled) {
      req.resume()
      return sendFail(res, 'FORBIDDEN', DEMO_SIGNIN_OFF)
    }
    let key: unknown
    try {
      key = (JSON.parse((await readBody(req, 4096)).toString('utf8')) as { key?: unknown } | null)?.key
    } catch (error) {
      if (error instanceof ClientGone) throw error
      return sendFail(res, 'INVALID_INPUT', '请求内容不是有效的 JSON，请重新选择演示身份')
    }
    const identity = demoIdentities.find((i) => i.key === key)
    if (!identity) return sendFail(res, 'INVALID_INPUT', '没有这个演示身份，请从列表中选择')
    const session = ctx.sessionFor(req, res)
    ctx.sessions.signIn(session, identity)
    return sendJson(res, 200, ok(publicIdentity(session)))
  }
  req.resume()
  return sendFail(res, 'UNKNOWN_FUNCTION', '没有这个本地接口')
}
