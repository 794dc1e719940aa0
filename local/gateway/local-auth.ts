// The local sign-in endpoints behind the h5-only sign-in screen: list the demo identities, bind the
// session to one, sign out. They exist only in the local gateway; the weapp build has no such screen.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ok } from '../../src/contract/result'
import { demoIdentities } from '../demo/identities'
import { readBody, sendFail, sendJson } from './http-util'
import type { Session, SessionStore } from './sessions'

const venueNames: Record<string, string> = {}

export function setVenueNames(names: Record<string, string>): void {
  Object.assign(venueNames, names)
}

function publicIdentity(session: Session) {
  const id = session.identity
  return id ? { key: id.key, displayName: id.displayName, role: id.role } : null
}

export async function handleLocalAuth(
  req: IncomingMessage, res: ServerResponse, path: string, session: Session, sessions: SessionStore,
): Promise<void> {
  if (req.method === 'GET' && path === '/api/local/identities') {
    const list = demoIdentities.map(({ key, displayName, role, venueId }) => ({
      key, displayName, role, ...(venueId && venueNames[venueId] ? { venueName: venueNames[venueId] } : {}),
    }))
    return sendJson(res, 200, ok(list))
  }
  if (req.method === 'GET' && path === '/api/local/session') return sendJson(res, 200, ok(publicIdentity(session)))
  if (req.method === 'POST' && path === '/api/local/sign-out') {
    sessions.signOut(session)
    return sendJson(res, 200, ok(null))
  }
  if (req.method === 'POST' && path === '/api/local/sign-in') {
    let key: unknown
    try {
      key = (JSON.parse((await readBody(req, 4096)).toString('utf8')) as { key?: unknown }).key
    } catch {
      return sendFail(res, 'INVALID_INPUT', '请求内容不是有效的 JSON，请重新选择演示身份')
    }
    const identity = demoIdentities.find((i) => i.key === key)
    if (!identity) return sendFail(res, 'INVALID_INPUT', '没有这个演示身份，请从列表中选择')
    sessions.signIn(session, identity)
    return sendJson(res, 200, ok(publicIdentity(session)))
  }
  return sendFail(res, 'UNKNOWN_FUNCTION', '没有这个本地接口')
}
