// Loads the built cloud functions (cloudfunctions/<fn>/index.js, the very files WeChat DevTools uploads)
// and calls their `invoke(event, identity)` adapter, held to CloudBase's per-call limits (declared timeout,
// request and answer sizes: ../platform-limits). wx-server-sdk must already be pointed at the local
// service (env vars) before the first bundle is required.
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Identity } from '../../server/core/context'
import { declaredTimeout, withPlatformLimits } from '../platform-limits'

export interface LoadedFunction {
  invoke(event: unknown, identity: Identity): Promise<unknown>
}

/**
 * A require rooted at the functions folder, with earlier copies of the bundles and of wx-server-sdk
 * dropped from Node's cache, so each local runtime's SDK reads the service address it was just given.
 */
export function freshRequire(functionsDir: string): NodeRequire {
  const load = createRequire(join(functionsDir, 'index.js'))
  for (const key of Object.keys(load.cache)) {
    if (key.startsWith(functionsDir) || /[\\/]node_modules[\\/](wx-server-sdk|@cloudbase)[\\/]/.test(key)) delete load.cache[key]
  }
  return load
}

export function loadFunctions(load: NodeRequire, functionsDir: string): Map<string, LoadedFunction> {
  const loaded = new Map<string, LoadedFunction>()
  for (const name of readdirSync(functionsDir)) {
    const entry = join(functionsDir, name, 'index.js')
    if (!existsSync(entry)) continue
    const mod = load(entry) as Partial<LoadedFunction>
    if (typeof mod.invoke !== 'function') throw new Error(`${entry} has no invoke export; rebuild with npm run build:functions`)
    loaded.set(name, withPlatformLimits(name, mod as LoadedFunction, declaredTimeout(functionsDir, name)))
  }
  if (loaded.size === 0) throw new Error(`no built functions in ${functionsDir}; run npm run build:functions`)
  return loaded
}
