// Launching the built weapp (dist/) as one WeChat user: the logic realm with App/Page/Component and
// `wx`, the page stack, the view rendered by wcc's $gwx, the fake clock, and the cloud bridge to the
// built functions with the user's openid. Everything that goes wrong — an unfaked API, a page error, an
// unhandled rejection, a template warning, a refused setData — lands in `errors`, which tests check.
import { join } from 'node:path'
import vm from 'node:vm'
import { demoIdentities } from '../local/demo/identities'
import { readAppJson, type AppRoutes } from './app-json'
import { FakeClock } from './clock'
import type { CloudRuntime } from './cloud'
import { cloudFake, type CloudCall } from './fakes-cloud'
import { deviceFakes } from './fakes-device'
import { uiFakes, type FakeContext } from './fakes-ui'
import { PageStack, type PageInstance } from './pages'
import { Realm, describeValue } from './realm'
import { SystemUI } from './ui'
import { ViewLayer, type VNode } from './view'
import { buildWx, type WxHost } from './wx-api'
import type { FakeCanvas } from './canvas'
import type { Owner } from './events'

export const DIST = join(__dirname, '..', 'dist')
/** Frame-scale timers (animation frames, zero delays) run when the app settles; longer ones need clock.tick. */
const FRAME_MS = 20

/**
 * Node's own process object: the app's rejections are reported there. (Under jest, test code sees a
 * copy of `process` whose listeners never fire, so the main context's is fetched.) While an app is
 * launched it owns the 'unhandledRejection' event and records each one as an error of the test.
 */
const realProcess = vm.runInThisContext('process') as NodeJS.Process

const views = new Map<string, ViewLayer>()
export function viewLayer(dist = DIST): ViewLayer {
  let view = views.get(dist)
  if (!view) views.set(dist, (view = new ViewLayer(dist)))
  return view
}

export type IdentityKey = (typeof demoIdentities)[number]['key']

export interface LaunchOptions {
  /** A demo identity key (local/demo/identities.ts) or a raw openid for a first-time resident. */
  as: IdentityKey | { openid: string }
  url?: string
  now?: Date | string | number
  dist?: string
  view?: ViewLayer
}

export class AppCore {
  readonly errors: string[] = []
  readonly calls: CloudCall[] = []
  readonly ui = new SystemUI()
  readonly clock: FakeClock
  readonly routes: AppRoutes
  readonly realm: Realm
  readonly pages: PageStack
  readonly view: ViewLayer
  readonly canvases: Map<string, FakeCanvas>
  readonly openid: string
  private inflight = new Set<Promise<unknown>>()
  private rendered: { page: PageInstance; root: VNode } | undefined
  private components = new Map<string, Record<string, unknown>>()
  private componentOwners = new Map<string, Owner>()
  private loadingComponent: string | undefined
  private appInstance: Record<string, unknown> | undefined
  private onRejection = (reason: unknown) => this.fail(`未处理的 Promise 拒绝：${describeValue(reason)}`)
  private otherRejectionListeners: Array<(...args: unknown[]) => void> = []

  constructor(runtime: CloudRuntime, options: LaunchOptions) {
    const dist = options.dist ?? DIST
    this.openid = typeof options.as === 'string' ? (demoIdentities.find((i) => i.key === options.as)?.openid ?? '') : options.as.openid
    if (!this.openid) throw new Error(`没有演示身份 ${String(options.as)}`)
    this.clock = new FakeClock(options.now ?? Date.now(), (error) => this.fail(`定时器或回调出错：${describeValue(error)}`))
    this.routes = readAppJson(dist)
    this.view = options.view ?? viewLayer(dist)
    const wxHolder: Record<string, unknown> = {}
    this.realm = new Realm({
      dist,
      subpackages: this.routes.subpackages,
      clock: this.clock,
      onError: (message) => this.fail(message),
      globals: {
        wx: wxHolder,
        App: (config: Record<string, unknown>) => void (this.appInstance = config),
        Page: (config: Record<string, unknown>) => this.pages.register(config),
        Component: (config: Record<string, unknown>) => {
          if (this.loadingComponent) this.components.set(this.loadingComponent, config)
        },
        Behavior: (config: unknown) => config,
        getApp: () => this.appInstance,
        getCurrentPages: () => [...this.pages.stack],
        requirePlugin: (name: string) => this.fail(`requirePlugin(${name})：测试层没有插件`),
        __wxConfig: { envVersion: 'develop', platform: 'devtools', pages: this.routes.all, tabBar: this.routes.json.tabBar, global: { window: this.routes.json.window ?? {} } },
      },
    })
    const host: WxHost = { realm: this.realm, clock: this.clock, fail: (m) => this.fail(m), track: (w) => this.track(w) }
    this.pages = new PageStack(this.routes, host)
    this.pages.onChange = () => (this.rendered = undefined)
    const context: FakeContext = { host, ui: this.ui, pages: this.pages, tree: () => this.tree() }
    const device = deviceFakes(context)
    this.canvases = device.canvases
    Object.assign(wxHolder, buildWx(host, { ...uiFakes(context), ...device, cloud: cloudFake(context, runtime, () => this.openid, this.calls) }))
    this.otherRejectionListeners = realProcess.listeners('unhandledRejection') as Array<(...args: unknown[]) => void>
    realProcess.removeAllListeners('unhandledRejection')
    realProcess.on('unhandledRejection', this.onRejection)
  }

  fail(message: string): void {
    this.errors.push(message)
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.inflight.add(work)
    void work.then(() => this.inflight.delete(work), () => this.inflight.delete(work))
    return work
  }

  /** Runs app.js and opens the first page, as a cold start. */
  boot(url: string): void {
    this.realm.require('app.js')
    const app = this.appInstance
    if (!app) throw new Error('app.js 没有调用 App()')
    const { route, query } = { route: url.replace(/^\//, '').split('?')[0] ?? '', query: {} }
    const options = this.realm.json({ path: route, query, scene: 1001, referrerInfo: {} })
    for (const hook of ['onLaunch', 'onShow']) {
      const fn = app[hook]
      if (typeof fn === 'function') {
        try {
          fn.call(app, options)
        } catch (error) {
          this.fail(`App ${hook} 出错：${describeValue(error)}`)
        }
      }
    }
    const outcome = this.pages.reLaunch(url.startsWith('/') ? url : `/${url}`)
    if (!outcome.ok) throw new Error(outcome.errMsg)
  }

  /** Lets the app run until nothing is left to do now (microtasks, due frame timers, cloud calls in flight), then renders the top page as the view layer would. */
  async settle(): Promise<void> {
    for (let round = 0; round < 2000; round++) {
      await new Promise((resolve) => setImmediate(resolve))
      if (this.clock.runDue(FRAME_MS) > 0) continue
      if (this.inflight.size > 0) {
        await Promise.race([...this.inflight].map((p) => p.catch(() => undefined)))
        continue
      }
      await new Promise((resolve) => setImmediate(resolve))
      if (this.clock.runDue(FRAME_MS) === 0 && this.inflight.size === 0) {
        this.tree()
        return
      }
    }
    this.fail('应用一直没有停下来（定时器或请求不断）')
  }

  private ensureComponents(route: string): void {
    for (const path of this.view.componentsOf(route)) {
      if (this.components.has(path)) continue
      this.loadingComponent = path
      try {
        this.realm.require(`${path}.js`)
      } finally {
        this.loadingComponent = undefined
      }
      if (!this.components.has(path)) this.fail(`组件 ${path} 没有调用 Component()`)
    }
  }

  /** The rendered tree of the page on top (re-rendered after its data changed). */
  tree(): VNode | undefined {
    const page = this.pages.top()
    if (!page) return undefined
    if (this.rendered?.page === page) return this.rendered.root
    this.ensureComponents(page.route)
    try {
      const { root, warnings } = this.view.render(page.route, page.data)
      for (const w of warnings) this.fail(`页面 ${page.route} 的模板：${w}`)
      this.rendered = { page, root }
      return root
    } catch (error) {
      this.fail(`页面 ${page.route} 渲染失败：${describeValue(error)}`)
      return undefined
    }
  }

  /** The page or the component instance that receives a node's bindings. */
  owner(node: VNode): Owner | undefined {
    if (node.owner === 'page') return this.pages.top()
    let owner = this.componentOwners.get(node.owner)
    if (!owner) {
      const path = node.owner.split('#')[0] ?? ''
      const config = this.components.get(path)
      if (!config) return undefined
      const methods = (config.methods ?? {}) as Record<string, unknown>
      owner = { ...methods, data: {}, setData: () => this.fail(`组件 ${path} 的 setData 未模拟`) }
      this.componentOwners.set(node.owner, owner)
    }
    return owner
  }

  /** Stops owning unhandled rejections (the test runner's listeners come back). */
  close(): void {
    realProcess.off('unhandledRejection', this.onRejection)
    for (const listener of this.otherRejectionListeners) realProcess.on('unhandledRejection', listener)
    this.otherRejectionListeners = []
  }
}
