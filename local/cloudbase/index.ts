// Entry point of the local CloudBase-compatible service: an HTTP endpoint that the real wx-server-sdk
// (4.0.2, over @cloudbase/node-sdk 3.17.2) talks to unchanged once `sdkEnv()` is in process.env,
// backed by an embedded persistent store under `dataDir`. See README.md for coverage and gaps.

import type { AddressInfo } from 'net'
import { Store } from './store'
import { TransactionManager } from './transactions'
import { createDatabaseHandlers } from './database'
import { createStorage } from './storage'
import { createOpenApi, OpenApiHandler } from './openapi'
import { createHttpServer, Stats } from './http'
import { assertCollectionName } from './params'
import { newCredentials, type Credentials } from './signature'
import type { IncomingMessage, ServerResponse } from 'http'

export type { OpenApiHandler, OpenApiCall, OpenApiBinary } from './openapi'
export type { Stats } from './http'
export type { Credentials } from './signature'

/** The env id the local service pretends to be (fileIDs are `cloud://local-env.<bucket>/<path>`). */
export const LOCAL_ENV_ID = 'local-env'

export interface CloudbaseService {
  /** The admin endpoint for `TCB_CONTEXT_CNFG`, e.g. http://127.0.0.1:PORT/admin */
  url: string
  port: number
  dataDir: string
  envId: string
  /** This start's SDK credentials: admin requests must be signed with them (sdkEnv hands them to the SDK). */
  credentials: Credentials
  /**
   * Serves `GET|HEAD /files/<bucket>/<cloudPath>?t=&sign=` (signed temp URLs) from storage, for a
   * gateway that serves files on its own port so that clients never learn this service's address.
   */
  serveFile(req: IncomingMessage, res: ServerResponse): void
  close(): Promise<void>
  stats(): Stats
  resetStats(): void
  /** Creates the collections that do not exist yet (production: create them in the console). */
  ensureCollections(names: string[]): Promise<void>
  /** Answers `cloud.openapi.<name>(data)` calls, e.g. registerOpenApi('security.msgSecCheck', ...). */
  registerOpenApi(name: string, handler: OpenApiHandler): void
}

export interface CloudbaseServiceOptions {
  dataDir: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /**
   * Base of temp file URLs handed to browsers (default http://host:port); files are under /files/.
   * A function is asked on every URL (a gateway knows its address only once it listens).
   */
  publicBaseUrl?: string | (() => string)
  /** Transaction lifetime; CloudBase rolls back transactions older than 30 s. */
  transactionTimeoutMs?: number
}

export async function startCloudbaseService(opts: CloudbaseServiceOptions): Promise<CloudbaseService> {
  const host = opts.host ?? '127.0.0.1'
  const store = await Store.open(opts.dataDir)
  const txm = new TransactionManager(store, opts.transactionTimeoutMs)
  let baseUrl = ''
  const storage = createStorage({
    dataDir: store.dir,
    envId: LOCAL_ENV_ID,
    internalBaseUrl: () => baseUrl,
    publicBaseUrl: () => {
      const base = typeof opts.publicBaseUrl === 'function' ? opts.publicBaseUrl() : opts.publicBaseUrl ?? baseUrl
      return base.replace(/\/+$/, '')
    },
  })
  const openapi = createOpenApi()
  const credentials = newCredentials()
  const front = createHttpServer({ actions: createDatabaseHandlers(store, txm), storage, openapi, credentials })

  try {
    await new Promise<void>((resolve, reject) => {
      front.server.once('error', reject)
      front.server.listen(opts.port ?? 0, host, () => resolve())
    })
  } catch (err) {
    store.close()
    throw err
  }
  const port = (front.server.address() as AddressInfo).port
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  const hostForUrl = reachable.includes(':') ? `[${reachable}]` : reachable
  baseUrl = `http://${hostForUrl}:${port}`

  let closing: Promise<void> | null = null
  return {
    url: `${baseUrl}/admin`,
    port,
    dataDir: store.dir,
    envId: LOCAL_ENV_ID,
    credentials,
    serveFile: front.serveFile,
    stats: front.stats,
    resetStats: front.resetStats,
    registerOpenApi: openapi.register,
    async ensureCollections(names: string[]): Promise<void> {
      for (const name of names) store.createCollection(assertCollectionName(name))
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        txm.closeAll()
        front.server.close(() => {
          store.close()
          resolve()
        })
        front.destroySockets()
      })
      return closing
    },
  }
}

/**
 * Environment variables to set (in process.env) before wx-server-sdk is used. The SDK reads them on
 * every request, not only at require time.
 */
export function sdkEnv(service: { url: string; envId?: string; credentials: Credentials }): Record<string, string> {
  const envId = service.envId ?? LOCAL_ENV_ID
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: service.url }),
    TENCENTCLOUD_SECRETID: service.credentials.secretId,
    TENCENTCLOUD_SECRETKEY: service.credentials.secretKey,
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    TCB_CONTEXT_KEYS: 'TCB_ENV',
    TENCENTCLOUD: 'true',
  }
}
