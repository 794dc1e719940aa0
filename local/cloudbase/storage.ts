// Cloud storage: the `storage.*` admin actions (upload metadata, temp URLs, delete) and the two HTTP
// endpoints that stand in for COS: `PUT /upload/<cloudPath>` (the SDK's upload step) and
// `GET|HEAD /files/<bucket>/<cloudPath>?t=&sign=` (temp URLs, expiring, with Range support).
// Files live under `<dataDir>/storage/<cloudPath>`.

import crypto from 'crypto'
import fs from 'fs'
import path from 'path'
import type { IncomingMessage, ServerResponse } from 'http'
import { pipeline } from 'stream/promises'
import { invalidParam } from './errors'
import { isPlainObject } from './ejson'
import { contentTypeOf, sendRange } from './files'

type Result = Record<string, unknown>
const UPLOAD_URL_TTL_S = 600
const DEFAULT_MAX_AGE_S = 86400

export interface StorageOptions { dataDir: string; envId: string; internalBaseUrl: () => string; publicBaseUrl: () => string }

function loadSecret(dataDir: string): string {
  const file = path.join(dataDir, '.secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const secret = crypto.randomBytes(32).toString('hex')
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/** Checks a cloudPath the way CloudBase restricts it, and keeps it inside the storage folder. */
export function checkCloudPath(cloudPath: unknown): string {
  const ok = typeof cloudPath === 'string' && cloudPath.length > 0 && cloudPath.length <= 850
    && !cloudPath.startsWith('/') && !/[\\?#%\u0000-\u001f\u007f]/.test(cloudPath)
    && cloudPath.split('/').every((s) => s !== '' && s !== '.' && s !== '..')
  if (!ok) throw invalidParam(`invalid cloudPath: ${JSON.stringify(cloudPath)}`)
  return cloudPath
}

function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
  const id = crypto.randomBytes(8).toString('hex')
  res.writeHead(status, { 'content-type': 'application/xml' })
  res.end(`<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message>`
    + `<RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`)
}

export function createStorage(opts: StorageOptions) {
  const root = path.join(opts.dataDir, 'storage')
  fs.mkdirSync(root, { recursive: true })
  const secret = loadSecret(opts.dataDir)
  const bucket = `${Buffer.from(opts.envId.slice(0, 2)).toString('hex')}-${opts.envId}-1250000000`
  const sign = (...parts: string[]): string => crypto.createHmac('sha256', secret).update(parts.join('\n')).digest('hex')
  const fileIdOf = (cloudPath: string): string => `cloud://${opts.envId}.${bucket}/${cloudPath}`
  const diskPath = (cloudPath: string): string => path.join(root, ...cloudPath.split('/'))

  function pathOfFileId(fileId: unknown): string {
    const match = typeof fileId === 'string' ? /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId) : null
    if (!match?.[1]) throw invalidParam(`invalid fileID: ${JSON.stringify(fileId)}`)
    return checkCloudPath(match[1])
  }

  function tempUrl(cloudPath: string, maxAge: number): string {
    const t = Math.floor(Date.now() / 1000) + maxAge
    return `${opts.publicBaseUrl()}/files/${bucket}/${cloudPath}?t=${t}&sign=${sign('GET', cloudPath, String(t))}`
  }

  function perFile(list: unknown, each: (item: unknown) => Result, onError: (item: unknown, code: string, message: string) => Result): Result[] {
    if (!Array.isArray(list)) throw invalidParam('file list must be an array')
    return list.map((item: unknown) => {
      try {
        return each(item)
      } catch (err) {
        const code = (err as { code?: string }).code ?? 'SYS_ERR'
        return onError(item, code, (err as Error).message)
      }
    })
  }

  const missing = (cloudPath: string): Error => Object.assign(new Error(`file ${cloudPath} does not exist`), { code: 'STORAGE_FILE_NONEXIST' })

  const actions: Record<string, (params: Result) => Promise<Result>> = {
    'storage.getUploadMetadata': async (params) => {
      const cloudPath = checkCloudPath(params.path)
      const t = String(Math.floor(Date.now() / 1000) + UPLOAD_URL_TTL_S)
      const encoded = cloudPath.split('/').map(encodeURIComponent).join('/')
      return {
        data: {
          url: `${opts.internalBaseUrl()}/upload/${encoded}?t=${t}`,
          authorization: sign('PUT', cloudPath, t),
          token: crypto.randomBytes(16).toString('hex'),
          cosFileId: crypto.randomBytes(16).toString('base64url'),
          fileId: fileIdOf(cloudPath),
          download_url: tempUrl(cloudPath, DEFAULT_MAX_AGE_S),
        },
      }
    },
    'storage.batchGetDownloadUrl': async (params) => ({
      data: {
        download_list: perFile(params.file_list, (item) => {
          const entry = isPlainObject(item) ? item : {}
          const cloudPath = pathOfFileId(entry.fileid)
          if (!fs.existsSync(diskPath(cloudPath))) throw missing(cloudPath)
          const maxAge = typeof entry.max_age === 'number' && entry.max_age > 0 ? Math.floor(entry.max_age) : DEFAULT_MAX_AGE_S
          return { fileID: entry.fileid, tempFileURL: tempUrl(cloudPath, maxAge), maxAge, code: 'SUCCESS' }
        }, (item, code, message) => ({ fileID: isPlainObject(item) ? item.fileid : item, tempFileURL: '', code, message })),
      },
    }),
    'storage.batchDeleteFile': async (params) => ({
      data: {
        delete_list: perFile(params.fileid_list, (fileId) => {
          const cloudPath = pathOfFileId(fileId)
          const file = diskPath(cloudPath)
          if (!fs.existsSync(file)) throw missing(cloudPath)
          fs.rmSync(file)
          return { fileID: fileId, code: 'SUCCESS' }
        }, (fileId, code, message) => ({ fileID: fileId, code, message })),
      },
    }),
  }

  /** `PUT /upload/<cloudPath>?t=`: the upload step of the SDK's uploadFile (COS-like XML errors). */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let cloudPath: string
    try {
      cloudPath = checkCloudPath(url.pathname.slice('/upload/'.length).split('/').map(decodeURIComponent).join('/'))
    } catch {
      req.resume()
      return xmlError(res, 400, 'InvalidURI', 'invalid object key')
    }
    const t = url.searchParams.get('t') ?? ''
    if (req.headers.authorization !== sign('PUT', cloudPath, t) || Number(t) < Date.now() / 1000) {
      req.resume()
      return xmlError(res, 403, 'SignatureDoesNotMatch', 'upload signature is invalid or expired')
    }
    const target = diskPath(cloudPath)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.uploading`
    try {
      await pipeline(req, fs.createWriteStream(tmp))
      fs.renameSync(tmp, target)
    } catch (err) {
      fs.rmSync(tmp, { force: true })
      return xmlError(res, 500, 'InternalError', (err as Error).message)
    }
    res.writeHead(200, { etag: `"${crypto.randomBytes(8).toString('hex')}"`, 'content-length': 0 })
    res.end()
  }

  /** `GET|HEAD /files/<bucket>/<cloudPath>?t=&sign=`: what temp URLs point at. */
  function handleDownload(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const prefix = `/files/${bucket}/`
    let cloudPath = ''
    try {
      if (!url.pathname.startsWith(prefix)) throw new Error('bucket')
      cloudPath = checkCloudPath(url.pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/'))
    } catch {
      return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
    }
    const t = url.searchParams.get('t') ?? ''
    if (url.searchParams.get('sign') !== sign('GET', cloudPath, t)) return xmlError(res, 403, 'AccessDenied', 'Access Denied.')
    if (Number(t) < Date.now() / 1000) return xmlError(res, 403, 'AccessDenied', 'Request has expired')
    const file = diskPath(cloudPath)
    let size: number
    try {
      size = fs.statSync(file).size
    } catch {
      return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
    }
    // Signed temp URLs are readable from any page, as CloudBase storage's default CORS rule allows, so
    // an h5 page can draw them on a canvas (posters) without tainting it.
    res.setHeader('access-control-allow-origin', '*')
    sendRange(req, res, file, size, contentTypeOf(cloudPath))
  }

  return { actions, handleUpload, handleDownload, bucket }
}
