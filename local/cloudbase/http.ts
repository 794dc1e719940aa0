// The HTTP front: `POST /admin` (the CloudBase admin API the SDK calls: JSON, or multipart for
// wx.openApi), `PUT /upload/...` and `GET|HEAD /files/...` (the COS stand-ins), plus per-action
// request counting. Every admin answer is HTTP 200 with `{ ...result, requestId }` or
// `{ code, message, requestId }`, which is what the SDK expects.

import crypto from 'crypto'
import http, { IncomingMessage, ServerResponse } from 'http'
import type { Socket } from 'net'
import { CloudbaseError, ErrorCode, invalidParam, toErrorBody } from './errors'
import { parseMultipart } from './multipart'
import type { ActionHandler } from './database'
import type { createOpenApi } from './openapi'
import type { createStorage } from './storage'

const MAX_BODY_BYTES = 50 * 1024 * 1024

export interface Stats { total: number; byAction: Record<string, number> }

export interface HttpDeps {
  actions: Record<string, ActionHandler>
  storage: ReturnType<typeof createStorage>
  openapi: ReturnType<typeof createOpenApi>
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
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body)
  res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) })
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
    try {
      const body = await readBody(req)
      const type = req.headers['content-type'] ?? ''
      const params: Record<string, unknown> = type.startsWith('multipart/form-data')
        ? parseMultipart(body, type)
        : JSON.parse(body.toString('utf8') || '{}')
      action = typeof params.action === 'string' ? params.action : ''
      count(action || '(none)')
      if (action === 'wx.openApi') {
        const answer = await deps.openapi.call(params)
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': answer.length })
        res.end(answer)
        return
      }
      const handler = deps.actions[action] ?? deps.storage.actions[action]
      if (!handler) throw new CloudbaseError(ErrorCode.INVALID_ACTION, `action ${action || '(none)'} is not supported by the local CloudBase service`)
      const result = await handler(params, Date.now())
      sendJson(res, { ...result, requestId })
    } catch (err) {
      const failure = err instanceof SyntaxError ? invalidParam(`request body is not valid JSON: ${err.message}`) : err
      if (!(failure instanceof CloudbaseError)) console.error(`[local-cloudbase] ${action} failed:`, failure)
      sendJson(res, toErrorBody(failure, requestId), action === 'wx.openApi' ? 'application/json; charset=utf-8' : 'application/json')
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    const route = `${req.method ?? 'GET'} ${url.pathname}`
    if (req.method === 'POST' && url.pathname === '/admin') {
      void admin(req, res)
    } else if (req.method === 'PUT' && url.pathname.startsWith('/upload/')) {
      count('cos.putObject')
      deps.storage.handleUpload(req, res, url).catch(() => res.destroy())
    } else if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith('/files/')) {
      count('cos.getObject')
      deps.storage.handleDownload(req, res, url)
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
