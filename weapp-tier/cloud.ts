// The cloud side of the tier: the local CloudBase-compatible service with the demo festival, and the
// built cloud functions (cloudfunctions/<fn>/index.js, the files WeChat DevTools uploads) called through
// their `invoke(event, identity)` adapter in their own instances — the same path the local gateway takes,
// without HTTP.
// One per test file (beforeAll); every app launched in that file calls it with its own openid.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DB } from 'wx-server-sdk'
import { ALL_COLLECTIONS } from '../server/core/collections'
import { sdkEnv, startCloudbaseService, type CloudbaseService } from '../local/cloudbase'
import { installContentSecurity, pushToFunction, type ContentSecurityStandIn } from '../local/content-security'
import { seedDemoIfEmpty } from '../local/demo/seed'
import { freshRequire, loadFunctions, type LoadedFunction } from '../local/gateway/functions'
import { installWxacode } from '../local/wxacode'

export const REPO_ROOT = join(__dirname, '..')

export interface HostCloud {
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(param: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }>
  downloadFile(param: { fileID: string }): Promise<{ fileContent: Buffer }>
}

export interface CloudRuntime {
  service: CloudbaseService
  functions: Map<string, LoadedFunction>
  cloud: HostCloud
  db: DB.Database
  contentSecurity: ContentSecurityStandIn
  close(): Promise<void>
}

export async function startCloud(functionsDir = join(REPO_ROOT, 'cloudfunctions')): Promise<CloudRuntime> {
  const service = await startCloudbaseService({ dataDir: join(mkdtempSync(join(tmpdir(), 'weapp-tier-')), 'cloudbase'), port: 0, host: '127.0.0.1' })
  Object.assign(process.env, sdkEnv(service))
  process.env.CLINIC_TEMPLATE_PROMOTED ??= 'local-template-promoted'
  process.env.CLINIC_TEMPLATE_REMINDER ??= 'local-template-reminder'
  service.registerOpenApi('subscribeMessage.send', () => ({ errcode: 0, errmsg: 'ok' }))
  await service.ensureCollections(ALL_COLLECTIONS)
  const runtime = loadFunctions(functionsDir)
  await runtime.warm()
  const load = freshRequire(functionsDir)
  const contentSecurity = installContentSecurity(service, pushToFunction(runtime, 'selection'), { verdictDelayMs: 60_000 })
  installWxacode(service, () => 'https://weapp-tier.local')
  const sdk = load('wx-server-sdk') as typeof import('wx-server-sdk')
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = sdk.database()
  await seedDemoIfEmpty(db)
  return {
    service,
    functions: runtime.functions,
    cloud: sdk as unknown as HostCloud,
    db,
    contentSecurity,
    close: async () => {
      await contentSecurity.close()
      await runtime.close()
      await service.close()
    },
  }
}
