// The local HTTP gateway: serves the h5 build, runs cloud-function calls with the caller's session
// identity, and offers the local sign-in. Every failure answers in the contract's Result shape with a
// Chinese message; nothing a client sends can crash it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import sirv from 'sirv'
import { fail } from '../../src/contract/result'
import type { LoadedFunction } from './functions'
import { BodyTooLarge, readBody, sendFail, sendJson } from './http-util'
import { handleLocalAuth } from './local-auth'
import { sessionCookie, SessionStore } from './sessions'

/** WeChat's callFunction accepts up to about 100 KB of data for one call; we allow the same order. */
export const MAX_CALL_BYTES = 128 * 1024

export interface GatewayOptions {
  staticDir: string
  functions: Map<string, LoadedFunction>
  /** Extra routes (file proxy, uploads) tried before the static files. Return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, path: string, openid: string) => Promise<boolean>
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

export function createGateway(options: GatewayOptions): Server {
  const sessions = new SessionStore()
  const serveStatic = sirv(options.staticDir, { single: true, etag: true, gzip: false, dev: false })

  async function callFunction(req: IncomingMessage, res: ServerResponse, name: string, openid: string) {
    if (req.method !== 'POST') return sendFail(res, 'INVALID_INPUT', '请使用 POST 调用云函数')
    const fn = options.functions.get(name)
    if (!fn) return sendFail(res, 'UNKNOWN_FUNCTION', `云函数「${name.slice(0, 40)}」不存在，请更新小程序后重试`)
    let event: unknown
    try {
      event = JSON.parse((await readBody(req, MAX_CALL_BYTES)).toString('utf8'))
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendFail(res, 'PAYLOAD_TOO_LARGE', '提交的内容超过 128 KB，请精简文字或分次提交')
      return sendFail(res, 'INVALID_INPUT', '请求内容不是有效的 JSON，请刷新页面后重试')
    }
    const result = await fn.invoke(event, { openid })
    sendJson(res, 200, result)
  }

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    const path = url.pathname
    const { session, created } = sessions.resolve(req)
    if (created) res.setHeader('set-cookie', sessionCookie(session))
    const route = async () => {
      if (path.startsWith('/api/fn/')) return callFunction(req, res, safeDecode(path.slice(8)), session.openid)
      if (path.startsWith('/api/local/')) return handleLocalAuth(req, res, path, session, sessions)
      if (options.extraRoutes && (await options.extraRoutes(req, res, path, session.openid))) return
      if (path.startsWith('/api/')) return sendFail(res, 'UNKNOWN_FUNCTION', '没有这个接口')
      serveStatic(req, res, () => sendFail(res, 'NOT_FOUND', '页面不存在，请返回首页'))
    }
    route().catch((error: unknown) => {
      console.error('[gateway]', error)
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL'))
      else res.end()
    })
  })
}
