// Checks the TC3-HMAC-SHA256 signature that @cloudbase/node-sdk (through @cloudbase/signature-nodejs
// 2.2.0) puts on every admin request, the way CloudBase checks it: the secretId named in the
// Credential, the signing time (X-Timestamp, valid for X-Signature-Expires = 600 s), the signed headers,
// the URL and every non-empty business parameter. A request signed with another key, altered after
// signing, carrying unsigned parameters or older than 10 minutes is refused.

import crypto from 'crypto'
import type { IncomingHttpHeaders } from 'http'

export interface Credentials { secretId: string; secretKey: string }

export interface SignedRequest {
  /** The request target exactly as received (path and raw query). */
  rawUrl: string
  headers: IncomingHttpHeaders
  /** The parsed body (JSON object, or multipart fields). */
  params: Record<string, unknown>
  multipart: boolean
}

const MAX_AGE_S = 600
const AUTH = /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=([^,\s]*),)? SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

const sha256 = (data: string): string => crypto.createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string): Buffer => crypto.createHmac('sha256', key).update(data).digest()

function camSafe(key: string): string {
  return encodeURIComponent(key).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The signer's view of a parameter value: strings as they are, anything else as JSON, trimmed; Buffers raw in multipart. */
function formatValue(value: unknown, multipart: boolean): string | Buffer | undefined {
  if (value === undefined) return undefined
  if (Buffer.isBuffer(value) && multipart) return value
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text === undefined ? undefined : text.trim()
}

function headerValue(name: string, headers: IncomingHttpHeaders): string | null {
  const raw = headers[name]
  if (typeof raw !== 'string') return null
  if (name === 'content-type') return raw.startsWith('multipart/form-data') ? 'multipart/form-data' : raw
  return raw.trim().toLowerCase()
}

interface ParsedAuth { date: string; timestamp: number; signedParamList: string; signedHeaderList: string; signature: string }

function parseAuth(headers: IncomingHttpHeaders, cred: Credentials, nowMs: number): ParsedAuth | string {
  const auth = headers.authorization
  const match = typeof auth === 'string' ? AUTH.exec(auth) : null
  if (!match) return 'missing or malformed TC3-HMAC-SHA256 authorization'
  const [, secretId = '', date = '', signedParamList = '', signedHeaderList = '', signature = ''] = match
  if (secretId !== cred.secretId) return 'unknown secretId'
  const timestamp = Number(headers['x-timestamp'])
  if (!Number.isSafeInteger(timestamp)) return 'missing X-Timestamp'
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_AGE_S) return 'signature expired'
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'credential date does not match X-Timestamp'
  return { date, timestamp, signedParamList, signedHeaderList, signature }
}

/** What can be checked before the body is read (so an unsigned 50 MB body is refused unread); null when it passes. */
export function checkCredential(headers: IncomingHttpHeaders, cred: Credentials, nowMs: number): string | null {
  const parsed = parseAuth(headers, cred, nowMs)
  return typeof parsed === 'string' ? parsed : null
}

/** Returns null when the request carries a valid signature by `cred`, else why it does not. */
export function checkSignature(req: SignedRequest, cred: Credentials, nowMs: number): string | null {
  const auth = parseAuth(req.headers, cred, nowMs)
  if (typeof auth === 'string') return auth
  const { date, timestamp, signedParamList, signedHeaderList, signature } = auth
  const signedHeaders = signedHeaderList.split(';')
  if (!signedHeaders.includes('host') || !signedHeaders.includes('content-type')) return 'host and content-type must be signed'
  const canonicalHeaders: string[] = []
  for (const name of signedHeaders) {
    const value = headerValue(name, req.headers)
    if (value === null) return `signed header ${name} is missing`
    canonicalHeaders.push(`${name}:${value}\n`)
  }

  const formatted = new Map<string, string | Buffer>()
  for (const [key, value] of Object.entries(req.params)) {
    const text = formatValue(value, req.multipart)
    if (text !== undefined) formatted.set(camSafe(key.toLowerCase().trim()), text)
  }
  const signedParams = signedParamList === '' ? [] : signedParamList.split(';')
  const signedSet = new Set(signedParams)
  for (const [key, value] of formatted) {
    if (value.length > 0 && !signedSet.has(key)) return `parameter ${key} is not signed`
  }
  const payload = crypto.createHash('sha256')
  for (const key of signedParams) {
    const value = formatted.get(key)
    if (value === undefined || value.length === 0) return `signed parameter ${key} is missing`
    payload.update(`&${key}=`)
    payload.update(value)
    payload.update('\r\n')
  }

  const queryAt = req.rawUrl.indexOf('?')
  const path = queryAt === -1 ? req.rawUrl : req.rawUrl.slice(0, queryAt)
  const query = queryAt === -1 ? '' : req.rawUrl.slice(queryAt + 1).split('#')[0] ?? ''
  const host = headerValue('host', req.headers) ?? ''
  const canonicalRequest = `post\n//${host}${path}\n${query}\n${canonicalHeaders.join('')}\n${signedHeaders.join(';')}\n${payload.digest('hex')}`
  const scope = `${date}/tcb/tc3_request`
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonicalRequest)}`
  const signingKey = hmac(hmac(hmac(`TC3${cred.secretKey}`, date), 'tcb'), 'tc3_request')
  const expected = hmac(signingKey, stringToSign)
  const given = Buffer.from(signature, 'hex')
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? null : 'signature does not match'
}

/** A fresh pair for one start of the service (what sdkEnv hands to the SDK). */
export function newCredentials(): Credentials {
  return { secretId: `local-${crypto.randomBytes(12).toString('hex')}`, secretKey: crypto.randomBytes(32).toString('base64url') }
}
