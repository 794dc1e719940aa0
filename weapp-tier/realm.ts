// The logic layer's JavaScript realm: one `vm` context per launched app, like WeChat's AppService, in
// which each built file of dist/ runs inside WeChat's module wrapper (browser globals shadowed as
// undefined). `require` resolves like WeChat's: relative to the file, `.js` optional, and a file of the
// main package cannot load a subpackage's file, nor a subpackage another subpackage's.
import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import vm from 'node:vm'
import type { FakeClock } from './clock'

const SHADOWED = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'Caches', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'Reporter', 'webkit', 'WeixinJSCore']

/** Compiled wrappers, shared by every realm of the process (V8 compiles each file once). */
const scripts = new Map<string, vm.Script>()

function wrapper(dist: string, file: string): vm.Script {
  const key = join(dist, file)
  let script = scripts.get(key)
  if (!script) {
    const source = readFileSync(key, 'utf8')
    script = new vm.Script(`(function(require, module, exports, ${SHADOWED.join(', ')}) {${source}\n})`, { filename: key })
    scripts.set(key, script)
  }
  return script
}

export interface RealmOptions {
  dist: string
  /** Subpackage roots from app.json, e.g. ['clinic', 'staff']. */
  subpackages: string[]
  clock: FakeClock
  globals: Record<string, unknown>
  onError(message: string): void
}

export class Realm {
  readonly context: vm.Context
  private modules = new Map<string, { exports: unknown }>()

  constructor(private options: RealmOptions) {
    const { clock } = options
    this.context = vm.createContext({
      console: {
        log: () => undefined,
        info: () => undefined,
        debug: () => undefined,
        warn: () => undefined,
        error: (...args: unknown[]) => options.onError(`console.error: ${args.map(describeValue).join(' ')}`),
      },
      setTimeout: (fn: () => void, ms?: number) => clock.setTimeout(fn, ms),
      setInterval: (fn: () => void, ms?: number) => clock.setInterval(fn, ms),
      clearTimeout: (id: unknown) => clock.clear(id),
      clearInterval: (id: unknown) => clock.clear(id),
      __clockNow: () => clock.now(),
      ...options.globals,
    })
    vm.runInContext(`(function () {
      const RealDate = Date
      class WxDate extends RealDate {
        constructor(...args) { if (args.length === 0) super(__clockNow()); else super(...args) }
        static now() { return __clockNow() }
      }
      globalThis.Date = WxDate
    })()`, this.context)
  }

  packageOf(file: string): string {
    return this.options.subpackages.find((root) => file.startsWith(`${root}/`)) ?? ''
  }

  /** Runs (once) and answers the exports of a dist-relative file such as 'pages/index/index.js'. */
  require(file: string): unknown {
    const cached = this.modules.get(file)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    this.modules.set(file, module)
    const run = wrapper(this.options.dist, file).runInContext(this.context) as (...args: unknown[]) => void
    const dir = posix.dirname(file)
    const localRequire = (request: string) => this.require(this.resolve(file, dir, request))
    run(localRequire, module, module.exports)
    return module.exports
  }

  private resolve(from: string, dir: string, request: string): string {
    let target = posix.normalize(posix.join(dir, request))
    if (!target.endsWith('.js')) target += '.js'
    const fromPkg = this.packageOf(from)
    const toPkg = this.packageOf(target)
    if (toPkg !== '' && toPkg !== fromPkg) {
      const message = `module '${target}' is not defined, require args is '${request}' (${from} 在${fromPkg ? `分包 ${fromPkg} ` : '主包'}中，不能引用分包 ${toPkg} 的文件)`
      this.options.onError(message)
      throw new Error(message)
    }
    return target
  }

  /** Copies JSON-shaped data into this realm, as data crossing WeChat's threads arrives. */
  json<T>(value: T): T {
    if (value === undefined) return value
    return (vm.runInContext('JSON.parse', this.context) as (s: string) => T)(JSON.stringify(value))
  }

  run(code: string): unknown {
    return vm.runInContext(code, this.context)
  }
}

export function describeValue(value: unknown): string {
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'stack' in value && 'message' in value)) {
    const e = value as { stack?: string; message?: string }
    // Minified bundles put whole files on one line: keep the message and the first frames only.
    return (e.stack ?? String(e.message)).split('\n').slice(0, 6).map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line)).join('\n')
  }
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}
