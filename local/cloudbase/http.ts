// The HTTP front: `POST /admin` (the CloudBase admin API the SDK calls: JSON, or multipart for
// wx.openApi), `PUT /upload/...` and `GET|HEAD /files/...` (the COS stand-ins), plus per-action
// request counting. Every admin answer is HTTP 200 with `{ ...result, requestId }` or
// `{ code, message, requestId }`, which is what the SDK expects. Admin requests must carry the SDK's
// TC3 signature made with this start's credentials (see signature.ts); others get HTTP 401
// `SIGN_PARAM_INVALID`. No request line, header or body can throw out of the request handler.

import crypto from 'crypto'
import http, { IncomingMessage, ServerResponse } from 'http'
import type { Socket } from 'net'
import { CloudbaseError, ErrorCode, invalidParam, toErrorBody } from './errors'
import { parseMultipart } from './multipart'
import type { ActionHandler } from './database'
import type { createOpenApi } from './openapi'
import type { createStorage } from './storage'
import { checkCredential, checkSignature, type Credentials } from './signature'

const MAX_BODY_BYTES = 50 * 1024 * 1024

export interface Stats { total: number; byAction: Record<string, number> }

export interface HttpDeps {
  actions: Record<string, ActionHandler>
  storage: ReturnType<typeof createStorage>
  openapi: ReturnType<typeof createOpenApi>
  credentials: Credentials
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(invalidParam('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', () => reject(invalidParam('request aborted')))
    req.on('close', () => reject(invalidParam('request aborted')))
  })
}

// CLOUDBASE_SLOW_MS=N prints every database request that took N ms or more (collection, query, order,
// stages, shortened), so a bench can tell which read of an action is slow.
const SLOW_MS = Number(process.env.CLOUDBASE_SLOW_MS ?? 'NaN')
function logIfSlow(action: string, params: Record<string, unknown>, ms: number): void {
  if (!(ms >= SLOW_MS)) return
  const what = ['collectionName', 'query', 'order', 'stages', 'offset', 'limit']
    .filter((k) => params[k] !== undefined).map((k) => `${k}=${JSON.stringify(params[k])}`).join(' ')
  console.error(`[local-cloudbase] slow ${Math.round(ms)} ms ${action} ${what.slice(0, 400)}`)
}

function sendJson(res: ServerResponse, body: unknown, contentType = 'application/json', status = 200): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

export function createHttpServer(deps: HttpDeps) {
  const stats: Stats = { total: 0, byAction: {} }
  const sockets = new Set<Socket>()
  let sequence = 0
  const count = (action: string): void => {
    stats.total += 1
    stats.byAction[action] = (stats.byAction[action] ?? 0) + 1
  }

  async function admin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = `${Date.now().toString(16)}-${(sequence += 1).toString(16)}-${crypto.randomBytes(3).toString('hex')}`
    let action = ''
    const refuse = (why: string): void => {
      req.resume()
      sendJson(res, toErrorBody(new CloudbaseError(ErrorCode.SIGN_PARAM_INVALID, `[AuthFailure] ${why}`), requestId), 'application/json', 401)
    }
    try {
      const early = checkCredential(req.headers, deps.credentials, Date.now())
      if (early) return refuse(early)
      const body = await readBody(req)
      const type = req.headers['content-type'] ?? ''
      const multipart = type.startsWith('multipart/form-data')
      let parsed: unknown
      try {
        parsed = multipart ? parseMultipart(body, type) : JSON.parse(body.toString('utf8') || '{}')
      } catch (err) {
        throw invalidParam(`request body is not valid ${multipart ? 'multipart/form-data' : 'JSON'}: ${(err as Error).message}`)
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return refuse('request body must be an object')
      const params = parsed as Record<string, unknown>
      const refused = checkSignature({ rawUrl: req.url ?? '', headers: req.headers, params, multipart }, deps.credentials, Date.now())
      if (refused) return refuse(refused)
      action = typeof params.action === 'string' ? params.action : ''
      count(action || '(none)')
      if (action === 'wx.openApi') {
        const answer = await deps.openapi.call(params)
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': answer.length })
        res.end(answer)
        return
      }
      const own = (table: Record<string, ActionHandler>) => (Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined)
      const handler = own(deps.actions) ?? own(deps.storage.actions)
      if (!handler) throw new CloudbaseError(ErrorCode.INVALID_ACTION, `action ${action || '(none)'} is not supported by the local CloudBase service`)
      const began = performance.now()
      const result = await handler(params, Date.now())
      logIfSlow(action, params, performance.now() - began)
      sendJson(res, { ...result, requestId })
    } catch (err) {
      if (!(err instanceof CloudbaseError)) console.error(`[local-cloudbase] ${action} failed:`, err)
      if (res.headersSent || res.destroyed) return
      sendJson(res, toErrorBody(err, requestId), action === 'wx.openApi' ? 'application/json; charset=utf-8' : 'application/json')
    }
  }

  /** GET|HEAD of a signed temp URL, on this server or on a gateway's. */
  function serveFile(req: IncomingMessage, res: ServerResponse): void {
    count('cos.getObject')
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://local')
    } catch {
      url = new URL('http://local/')
    }
    deps.storage.handleDownload(req, res, url)
  }

  const server = http.createServer((req, res) => {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://local')
    } catch {
      req.resume()
      res.writeHead(400, { 'content-type': 'text/plain' })
      res.end('bad request target')
      return
    }
    const route = `${req.method ?? 'GET'} ${url.pathname}`
    if (req.method === 'POST' && url.pathname === '/admin') {
      void admin(req, res)
    } else if (req.method === 'PUT' && url.pathname.startsWith('/upload/')) {
      count('cos.putObject')
      deps.storage.handleUpload(req, res, url).catch(() => res.destroy())
    } else if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith('/files/')) {
      serveFile(req, res)
    } else {
      req.resume()
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end(`not found: ${route}`)
    }
  })
  server.keepAliveTimeout = 10_000
  server.headersTimeout = 15_000
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  return {
    server,
    serveFile,
    stats: (): Stats => ({ total: stats.total, byAction: { ...stats.byAction } }),
    resetStats: (): void => {
      stats.total = 0
      stats.byAction = {}
    },
    destroySockets: (): void => {
      for (const socket of sockets) socket.destroy()
    },
  }
}
