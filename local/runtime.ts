// The whole local app in one call: the CloudBase-compatible service on an internal port, the SDK
// pointed at it, the built functions loaded, demo data on first start, and the gateway listening
// (function calls, local sign-in, uploads into the service's storage), and, when asked (`npm start`),
// the functions' timer triggers on their cron schedules.
// Used by `npm start`, the browser tests, the gateway tests and the benchmarks alike.
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { DB } from 'wx-server-sdk'
import { ALL_COLLECTIONS } from '../server/core/collections'
import { getDocs } from '../server/core/db'
import { sdkEnv, startCloudbaseService, type CloudbaseService } from './cloudbase'
import { installContentSecurity, pushToFunction } from './content-security'
import { seedDemoIfEmpty } from './demo/seed'
import { freshRequire, loadFunctions } from './gateway/functions'
import { setVenueNames } from './gateway/local-auth'
import { createGateway } from './gateway/server'
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
  /** Runs the functions' timer triggers on schedule and reports each run (off unless given: tests and benchmarks count requests). */
  onTimerRun?: (run: TimerRun) => void
}

export interface LocalApp {
  url: string
  port: number
  cloudbase: CloudbaseService
  seeded: boolean
  db: DB.Database
  timers?: TimerSchedule
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

export async function startLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  const host = options.host ?? '127.0.0.1'
  const functionsDir = options.functionsDir ?? join(REPO_ROOT, 'cloudfunctions')
  const cloudbase = await startCloudbaseService({ dataDir: join(options.dataDir, 'cloudbase'), port: 0, host })
  Object.assign(process.env, sdkEnv(cloudbase))
  answerSubscribeMessages(cloudbase)
  await cloudbase.ensureCollections(ALL_COLLECTIONS)

  const load = freshRequire(functionsDir)
  const contentSecurity = installContentSecurity(cloudbase, pushToFunction(load, functionsDir, 'selection'))
  let appUrl = ''
  installWxacode(cloudbase, () => appUrl)
  const cloud = load('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database()
  const seeded = options.seedDemo === false ? false : await seedDemoIfEmpty(db)
  const venues = await getDocs<{ _id: string; name: string }>(db.collection('venues').limit(100))
  setVenueNames(Object.fromEntries(venues.map((v) => [v._id, v.name])))

  const server = createGateway({
    staticDir: options.staticDir ?? join(REPO_ROOT, 'dist-h5'),
    functions: loadFunctions(load, functionsDir),
    extraRoutes: async (req, res, path, openid) => {
      if (path !== '/api/upload') return false
      await handleUpload(req, res, cloud as unknown as Parameters<typeof handleUpload>[2], openid)
      return true
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const port = (server.address() as AddressInfo).port
  appUrl = `http://${host}:${port}`
  const timers = options.onTimerRun ? scheduleTimers(load, functionsDir, options.onTimerRun) : undefined
  return {
    url: appUrl,
    port,
    cloudbase,
    seeded,
    db,
    timers,
    close: async () => {
      timers?.stop()
      await contentSecurity.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await cloudbase.close()
    },
  }
}
