// `cloud.openapi.*` support. wx-server-sdk converts the call's data to snake_case, packs it as a
// protobuf `CommApiData { apiType: OPEN_API, openapiData: { pairs: [{ key, value: JSON bytes }] } }`,
// and node-sdk POSTs it as multipart/form-data with `action=wx.openApi`, `apiName=<ns.method>`,
// `requestData=<protobuf>`. The answer is a protobuf `CommOpenApiResp { respData, contentType,
// errorCode }` (raw bytes, not JSON). Handlers registered here receive the decoded snake_case data and
// return the WeChat JSON answer (e.g. `{ errcode: 0, errmsg: 'ok', ... }`).

import { invalidParam } from './errors'

export interface OpenApiCall { apiName: string; appid?: string; data: Record<string, unknown> }
export type OpenApiHandler = (data: Record<string, unknown>, call: OpenApiCall) => unknown
/** A handler may answer with raw bytes instead of JSON (e.g. an image). */
export interface OpenApiBinary { contentType: string; buffer: Buffer }

/** WeChat's "API not found" error code, answered for openapi names nobody registered. */
export const OPENAPI_NOT_FOUND = -604100

class Reader {
  pos = 0
  constructor(readonly buf: Buffer) {}
  get done(): boolean { return this.pos >= this.buf.length }
  varint(): number {
    let result = 0
    let scale = 1
    for (;;) {
      const byte = this.buf[this.pos++]
      if (byte === undefined) throw invalidParam('truncated protobuf')
      result += (byte & 0x7f) * scale
      if (byte < 0x80) return result
      scale *= 128
    }
  }
  bytes(): Buffer {
    const len = this.varint()
    const out = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint()
    else if (wireType === 1) this.pos += 8
    else if (wireType === 2) this.bytes()
    else if (wireType === 5) this.pos += 4
    else throw invalidParam(`unsupported protobuf wire type ${wireType}`)
  }
}

function fields(buf: Buffer, each: (field: number, r: Reader, wireType: number) => boolean): void {
  const r = new Reader(buf)
  while (!r.done) {
    const tag = r.varint()
    if (!each(Math.floor(tag / 8), r, tag % 8)) r.skip(tag % 8)
  }
}

function decodePair(buf: Buffer): [string, unknown] {
  let key = ''
  let value: Buffer = Buffer.alloc(0)
  let contentType = ''
  let filename = ''
  fields(buf, (f, r) => {
    if (f === 1) key = r.bytes().toString('utf8')
    else if (f === 2) value = r.bytes()
    else if (f === 3) contentType = r.bytes().toString('utf8')
    else if (f === 4) filename = r.bytes().toString('utf8')
    else return false
    return true
  })
  if (contentType || filename) return [key, { contentType, filename, value }]
  try {
    return [key, JSON.parse(value.toString('utf8'))]
  } catch {
    return [key, value]
  }
}

/** Decodes `CommApiData`; only OPEN_API (apiType 0) calls carry openapi pairs. */
export function decodeRequest(buf: Buffer): { apiType: number; appid?: string; data: Record<string, unknown> } {
  let apiType = 0
  let appid: string | undefined
  const data: Record<string, unknown> = {}
  fields(buf, (f, r) => {
    if (f === 1) apiType = r.varint()
    else if (f === 6) appid = r.bytes().toString('utf8')
    else if (f === 2) {
      fields(r.bytes(), (g, inner) => {
        if (g !== 1) return false
        const [key, value] = decodePair(inner.bytes())
        data[key] = value
        return true
      })
    } else return false
    return true
  })
  return { apiType, appid, data }
}

function varint(value: number): Buffer {
  let v = BigInt.asUintN(64, BigInt(Math.trunc(value)))
  const out: number[] = []
  do {
    const byte = Number(v & 0x7fn)
    v >>= 7n
    out.push(v > 0n ? byte | 0x80 : byte)
  } while (v > 0n)
  return Buffer.from(out)
}

function lengthDelimited(field: number, payload: Buffer): Buffer {
  return Buffer.concat([varint(field * 8 + 2), varint(payload.length), payload])
}

/** Encodes `CommOpenApiResp { respData = 1, contentType = 2, errorCode = 3, httpCode = 4 }`. */
export function encodeResponse(resp: { respData?: Buffer; contentType?: string; errorCode?: number; httpCode?: number }): Buffer {
  const parts: Buffer[] = []
  if (resp.respData) parts.push(lengthDelimited(1, resp.respData))
  if (resp.contentType) parts.push(lengthDelimited(2, Buffer.from(resp.contentType)))
  if (resp.errorCode) parts.push(varint(3 * 8), varint(resp.errorCode))
  if (resp.httpCode) parts.push(varint(4 * 8), varint(resp.httpCode))
  return Buffer.concat(parts)
}

export function createOpenApi() {
  const handlers = new Map<string, OpenApiHandler>()

  async function call(params: Record<string, unknown>): Promise<Buffer> {
    const apiName = typeof params.apiName === 'string' ? params.apiName : ''
    const requestData = params.requestData
    const decoded = Buffer.isBuffer(requestData) ? decodeRequest(requestData) : { apiType: 0, data: {} }
    const handler = decoded.apiType === 0 ? handlers.get(apiName) : undefined
    if (!handler) return encodeResponse({ errorCode: OPENAPI_NOT_FOUND })
    const result = await handler(decoded.data, { apiName, appid: 'appid' in decoded ? decoded.appid : undefined, data: decoded.data })
    const binary = result as Partial<OpenApiBinary> | undefined
    if (binary && Buffer.isBuffer(binary.buffer) && typeof binary.contentType === 'string') {
      return encodeResponse({ respData: binary.buffer, contentType: binary.contentType, httpCode: 200 })
    }
    const json = Buffer.from(JSON.stringify(result ?? { errcode: 0, errmsg: 'ok' }))
    return encodeResponse({ respData: json, contentType: 'application/json; charset=utf-8', httpCode: 200 })
  }

  return {
    register(name: string, handler: OpenApiHandler): void { handlers.set(name, handler) },
    call,
  }
}
