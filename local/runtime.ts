// The whole local app in one call: the CloudBase-compatible service on an internal loopback port
// (whatever HOST the app listens on; its admin API takes only requests signed with this start's SDK
// secret), the SDK pointed at it, the built functions loaded, demo data on first start, and the
// gateway listening (function calls, persisted sessions, the demo sign-in when enabled, uploads into
// the service's storage, and the stored files, so every file URL a client sees is the gateway's),
// and, when asked (`npm start`), the functions' timer triggers on their cron schedules.
// Used by `npm start`, the browser tests, the gateway tests and the benchmarks alike.
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import type { DB } from 'wx-server-sdk'
import { ALL_COLLECTIONS } from '../server/core/collections'
import { getDocs } from '../server/core/db'
import { sdkEnv, startCloudbaseService, type CloudbaseService } from './cloudbase'
import { installContentSecurity, pushToFunction } from './content-security'
import { seedDemoIfEmpty } from './demo/seed'
import { freshRequire, loadFunctions, type FunctionRuntime, type LoadOptions } from './gateway/functions'
import { demoSignInSetting, setVenueNames } from './gateway/local-auth'
import { createGateway } from './gateway/server'
import { SessionStore } from './gateway/sessions'
import { handleUpload } from './gateway/uploads'
import { scheduleTimers, type TimerRun, type TimerSchedule } from './timers'
import { installWxacode } from './wxacode'

export const REPO_ROOT = join(__dirname, '..')

export interface LocalAppOptions {
  dataDir: string
  port?: number
  host?: string
  staticDir?: string
  functionsDir?: string
  seedDemo?: boolean
  /** The demo sign-in; by default on only when `host` is a loopback address. */
  demoSignIn?: boolean
  /** Runs the functions' timer triggers on schedule and reports each run (off unless given: tests and benchmarks count requests). */
  onTimerRun?: (run: TimerRun) => void
  /** Where the functions run: each in its own instances (default, stopped at their timeout as on CloudBase), or in this process (single-thread profiling only). */
  isolation?: LoadOptions['isolation']
}

export interface LocalApp {
  url: string
  port: number
  cloudbase: CloudbaseService
  seeded: boolean
  demoSignIn: boolean
  sessions: SessionStore
  db: DB.Database
  timers?: TimerSchedule
  /** The functions' instances (cold starts, calls of `main` / `push`). */
  functions: FunctionRuntime
  close(): Promise<void>
}

/**
 * WeChat subscribe messages, locally: the clinic function sends them through the real SDK call
 * (cloud.openapi.subscribeMessage.send), the service's openapi hook accepts them, and the notice the
 * demo shows is the function's outbox record. Local template ids are used unless real ones are set.
 */
function answerSubscribeMessages(cloudbase: CloudbaseService): void {
  process.env.CLINIC_TEMPLATE_PROMOTED ??= 'local-template-promoted'
  process.env.CLINIC_TEMPLATE_REMINDER ??= 'local-template-reminder'
  cloudbase.registerOpenApi('subscribeMessage.send', () => ({ errcode: 0, errmsg: 'ok' }))
}

/** The address others use to reach an app listening on `host` (a LAN address for a wildcard host). */
function reachableHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host
  const lan = Object.values(networkInterfaces()).flat().find((a) => a?.family === 'IPv4' && !a.internal)
  return lan?.address ?? '127.0.0.1'
}

export async function startLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  const host = options.host ?? '127.0.0.1'
  const demoSignIn = options.demoSignIn ?? demoSignInSetting(host, undefined).enabled
  const functionsDir = options.functionsDir ?? join(REPO_ROOT, 'cloudfunctions')
  let appUrl = ''
  const cloudbase = await startCloudbaseService({
    dataDir: join(options.dataDir, 'cloudbase'), port: 0, host: '127.0.0.1', publicBaseUrl: () => appUrl,
  })
  Object.assign(process.env, sdkEnv(cloudbase))
  answerSubscribeMessages(cloudbase)
  await cloudbase.ensureCollections(ALL_COLLECTIONS)

  const functions = loadFunctions(functionsDir, { isolation: options.isolation })
  const warming = functions.warm()
  warming.catch(() => undefined)
  const load = freshRequire(functionsDir)
  const contentSecurity = installContentSecurity(cloudbase, pushToFunction(functions, 'selection'))
  installWxacode(cloudbase, () => appUrl)
  const cloud = load('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database()
  const seeded = options.seedDemo === false ? false : await seedDemoIfEmpty(db)
  const venues = await getDocs<{ _id: string; name: string }>(db.collection('venues').limit(100))
  setVenueNames(Object.fromEntries(venues.map((v) => [v._id, v.name])))

  await warming
  const sessions = new SessionStore({ file: join(options.dataDir, 'sessions.jsonl') })
  const server = createGateway({
    staticDir: options.staticDir ?? join(REPO_ROOT, 'dist-h5'),
    functions: functions.functions,
    sessions,
    demoSignIn,
    serveFile: cloudbase.serveFile,
    extraRoutes: async (req, res, path, openid) => {
      if (path !== '/api/upload') return false
      await handleUpload(req, res, cloud as unknown as Parameters<typeof handleUpload>[2], openid)
      return true
    },
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, resolve)
    })
  } catch (error) {
    sessions.close()
    await contentSecurity.close()
    await functions.close()
    await cloudbase.close()
    throw error
  }
  const port = (server.address() as AddressInfo).port
  appUrl = `http://${reachableHost(host)}:${port}`
  const timers = options.onTimerRun ? scheduleTimers(functions, functionsDir, options.onTimerRun) : undefined
  return {
    url: appUrl,
    port,
    cloudbase,
    seeded,
    demoSignIn,
    sessions,
    db,
    timers,
    functions,
    close: async () => {
      timers?.stop()
      await contentSecurity.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await functions.close()
      sessions.close()
      await cloudbase.close()
    },
  }
}
