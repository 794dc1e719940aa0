// The local HTTP gateway: serves the h5 build and the stored files (signed temp URLs, served from the
// local CloudBase service's storage in process, so clients never learn that service's address), runs
// cloud-function calls with the caller's session identity, and offers the local demo sign-in when it
// is enabled. Every failure answers in the contract's Result shape with a Chinese message; nothing a
// client sends can crash it (a request target, header or cookie that does not parse is answered 400).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import sirv from 'sirv'
import { fail } from '../../src/contract/result'
import type { LoadedFunction } from './functions'
import { BodyTooLarge, ClientGone, readBody, safeDecode, sendFail, sendJson } from './http-util'
import { handleLocalAuth } from './local-auth'
import { sessionCookie, type SessionStore } from './sessions'
import { MAX_REQUEST_BYTES, PlatformLimitError } from '../platform-limits'

/** CloudBase accepts at most 100 KB of JSON text for one call (../platform-limits). */
export const MAX_CALL_BYTES = MAX_REQUEST_BYTES

export interface GatewayOptions {
  staticDir: string
  functions: Map<string, LoadedFunction>
  sessions: SessionStore
  /** The demo sign-in (anyone may become any demo identity, organisers included). */
  demoSignIn: boolean
  /** Serves `GET|HEAD /files/*` (signed temp URLs). */
  serveFile?: (req: IncomingMessage, res: ServerResponse) => void
  /** Extra `/api/*` routes (uploads) tried before the unknown-API answer. Return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, path: string, openid: string) => Promise<boolean>
}

function pathOf(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://local').pathname
  } catch {
    return null
  }
}

export function createGateway(options: GatewayOptions): Server {
  const { sessions } = options
  const serveStatic = sirv(options.staticDir, { single: true, etag: true, gzip: false, dev: false })

  /** The caller's session for a route that needs an identity, (re)sending the cookie when due. */
  function sessionFor(req: IncomingMessage, res: ServerResponse) {
    const { session, setCookie } = sessions.resolve(req)
    if (session.identity && !options.demoSignIn) sessions.signOut(session)
    if (setCookie) res.setHeader('set-cookie', sessionCookie(session))
    return session
  }

  async function callFunction(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST') return sendFail(res, 'INVALID_INPUT', '请使用 POST 调用云函数')
    const fn = options.functions.get(name)
    if (!fn) return sendFail(res, 'UNKNOWN_FUNCTION', `云函数「${name.slice(0, 40)}」不存在，请更新小程序后重试`)
    let event: unknown
    try {
      event = JSON.parse((await readBody(req, MAX_CALL_BYTES)).toString('utf8'))
    } catch (error) {
      if (error instanceof ClientGone) throw error
      if (error instanceof BodyTooLarge) return sendFail(res, 'PAYLOAD_TOO_LARGE', '提交的内容超过 100 KB，请精简文字或分次提交')
      return sendFail(res, 'INVALID_INPUT', '请求内容不是有效的 JSON，请刷新页面后重试')
    }
    let result: unknown
    try {
      result = await fn.invoke(event, { openid: sessionFor(req, res).openid })
    } catch (error) {
      if (!(error instanceof PlatformLimitError)) throw error
      return sendJson(res, error.httpStatus, { errCode: error.errCode, errMsg: error.errMsg })
    }
    sendJson(res, 200, result)
  }

  return createServer((req, res) => {
    const path = pathOf(req.url)
    if (path === null) {
      req.resume()
      return sendFail(res, 'INVALID_INPUT', '请求地址无效，请检查链接后重试')
    }
    const route = async () => {
      if (path.startsWith('/api/fn/')) return callFunction(req, res, safeDecode(path.slice(8)))
      if (path.startsWith('/api/local/')) return handleLocalAuth(req, res, path, { sessions, enabled: options.demoSignIn, sessionFor })
      if (path.startsWith('/api/')) {
        if (options.extraRoutes && (await options.extraRoutes(req, res, path, sessionFor(req, res).openid))) return
        return sendFail(res, 'UNKNOWN_FUNCTION', '没有这个接口')
      }
      if (path.startsWith('/files/') && options.serveFile && (req.method === 'GET' || req.method === 'HEAD')) return options.serveFile(req, res)
      // The h5 build is small and never fetched in parts; sirv's loose Range parsing throws on ranges such as
      // bytes=9-1, so Range is ignored here, as RFC 9110 §14.2 allows. Stored files (/files/) honour it.
      delete req.headers.range
      serveStatic(req, res, () => sendFail(res, 'NOT_FOUND', '页面不存在，请返回首页'))
    }
    route().catch((error: unknown) => {
      if (error instanceof ClientGone) return void res.destroy()
      console.error('[gateway]', error)
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL'))
      else res.end()
    })
  })
}
