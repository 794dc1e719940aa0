// Small HTTP helpers for the gateway: JSON replies in the contract's Result shape, and bounded bodies.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fail, type ErrorCode } from '../../src/contract/result'

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNKNOWN_FUNCTION: 404,
  UNKNOWN_ACTION: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INTERNAL: 500,
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

export function sendFail(res: ServerResponse, code: ErrorCode, message?: string): void {
  sendJson(res, STATUS[code] ?? 400, fail(code, message))
}

export class BodyTooLarge extends Error {}

/** The client went away (or its body was malformed) before the whole body arrived: nothing to answer or log. */
export class ClientGone extends Error {}

/** Reads the whole body, refusing (without buffering the rest) once it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      req.resume()
      reject(new BodyTooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', () => reject(new ClientGone()))
    req.on('close', () => reject(new ClientGone()))
  })
}

/** decodeURIComponent that keeps a malformed %-escape as it is instead of throwing. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Cookie header → name/value map; the first of repeated names wins; never throws. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    const name = part.slice(0, eq).trim()
    if (eq > 0 && !(name in out)) out[name] = safeDecode(part.slice(eq + 1).trim())
  }
  return out
}
