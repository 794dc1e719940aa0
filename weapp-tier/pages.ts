// WeChat's page stack: navigateTo pushes (at most 10 pages deep, never a tab page), redirectTo replaces
// the top (never with a tab page), navigateBack pops, switchTab closes every non-tab page and shows the
// tab page — tab pages stay alive once opened — and reLaunch closes everything. Pages get onLoad →
// onShow → (first render) → onReady, onHide when covered and onUnload when closed; their setData
// follows set-data.ts. A lifecycle that throws fails the test, as WeChat reports it as a page error.
import { parseUrl, type AppRoutes } from './app-json'
import { applySetData, type SetDataStats } from './set-data'
import { ok, refuse, type Outcome, type WxHost } from './wx-api'

export type PageConfig = Record<string, unknown> & { data?: unknown }

export interface PageInstance {
  route: string
  options: Record<string, string>
  data: Record<string, unknown>
  stats: SetDataStats
  alive: boolean
  [key: string]: unknown
}

export const MAX_DEPTH = 10

export class PageStack {
  readonly stack: PageInstance[] = []
  private tabs = new Map<string, PageInstance>()
  private configs = new Map<string, PageConfig>()
  private loading: string | undefined
  private nextId = 1
  /** setData calls and bytes of every page of this launch. */
  readonly totals: SetDataStats = { calls: 0, bytes: 0 }
  /** Called after each setData and each page change (the view re-renders lazily). */
  onChange: () => void = () => undefined

  constructor(private routes: AppRoutes, private host: WxHost) {}

  /** The global `Page(config)`: registers the config of the page file being loaded. */
  register(config: PageConfig): void {
    if (!this.loading) {
      this.host.fail('Page() 只能在页面文件里调用')
      return
    }
    this.configs.set(this.loading, config)
  }

  top(): PageInstance | undefined {
    return this.stack[this.stack.length - 1]
  }

  private config(route: string): PageConfig {
    let config = this.configs.get(route)
    if (!config) {
      this.loading = route
      try {
        this.host.realm.require(`${route}.js`)
      } finally {
        this.loading = undefined
      }
      config = this.configs.get(route)
      if (!config) throw new Error(`页面 ${route} 的文件没有调用 Page()`)
    }
    return config
  }

  private call(page: PageInstance, hook: string, ...args: unknown[]): void {
    const fn = page[hook]
    if (typeof fn !== 'function') return
    try {
      fn.apply(page, args)
    } catch (error) {
      this.host.fail(`页面 ${page.route} 的 ${hook} 出错：${String((error as Error)?.stack ?? error)}`)
    }
  }

  private create(route: string, query: Record<string, string>): PageInstance {
    const config = this.config(route)
    const page = this.host.realm.run('({})') as PageInstance
    for (const [key, value] of Object.entries(config)) if (key !== 'data') page[key] = value
    Object.assign(page, {
      route,
      __route__: route,
      __wxWebviewId__: this.nextId++,
      options: this.host.realm.json(query),
      data: JSON.parse(JSON.stringify(config.data ?? {})) as Record<string, unknown>,
      stats: { calls: 0, bytes: 0 },
      alive: true,
    })
    page.setData = (patch: unknown, callback?: () => void) => {
      if (!page.alive) return
      try {
        const bytes = applySetData(page.data, patch)
        page.stats.bytes += bytes
        page.stats.calls += 1
        this.totals.bytes += bytes
        this.totals.calls += 1
      } catch (error) {
        this.host.fail(`页面 ${route}：${(error as Error).message}`)
        return
      }
      this.onChange()
      if (typeof callback === 'function') this.host.clock.setTimeout(() => callback.call(page), 0)
    }
    page.getOpenerEventChannel = () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined })
    this.call(page, 'onLoad', page.options)
    this.call(page, 'onShow')
    this.host.clock.setTimeout(() => page.alive && this.call(page, 'onReady'), 0)
    this.onChange()
    return page
  }

  private unload(page: PageInstance): void {
    if (!page.alive) return
    this.call(page, 'onUnload')
    page.alive = false
    if (this.tabs.get(page.route) === page) this.tabs.delete(page.route)
  }

  private hideTop(): void {
    const top = this.top()
    if (top) this.call(top, 'onHide')
  }

  private target(api: string, url: unknown): { route: string; query: Record<string, string> } | Outcome {
    if (typeof url !== 'string' || url === '') return refuse(`${api}:fail parameter error: parameter.url should be String`)
    const parsed = parseUrl(url, this.top()?.route)
    if (!this.routes.has(parsed.route)) return refuse(`${api}:fail page "${parsed.route}" is not found`)
    return parsed
  }

  navigateTo(url: unknown): Outcome {
    const t = this.target('navigateTo', url)
    if ('ok' in t) return t
    if (this.routes.isTab(t.route)) return refuse('navigateTo:fail can not navigateTo a tabbar page')
    if (this.stack.length >= MAX_DEPTH) return refuse('navigateTo:fail webview count limit exceed')
    this.hideTop()
    this.stack.push(this.create(t.route, t.query))
    return ok()
  }

  redirectTo(url: unknown): Outcome {
    const t = this.target('redirectTo', url)
    if ('ok' in t) return t
    if (this.routes.isTab(t.route)) return refuse('redirectTo:fail can not redirectTo a tabbar page')
    const top = this.stack.pop()
    if (top) this.unload(top)
    this.stack.push(this.create(t.route, t.query))
    return ok()
  }

  navigateBack(delta: unknown): Outcome {
    if (this.stack.length <= 1) return refuse('navigateBack:fail cannot navigate back at first page.')
    const n = Math.min(Math.max(1, Number(delta) || 1), this.stack.length - 1)
    for (let i = 0; i < n; i++) {
      const page = this.stack.pop()
      if (page) this.unload(page)
    }
    const top = this.top()
    if (top) this.call(top, 'onShow')
    this.onChange()
    return ok()
  }

  switchTab(url: unknown): Outcome {
    const t = this.target('switchTab', url)
    if ('ok' in t) return t
    if (!this.routes.isTab(t.route)) return refuse('switchTab:fail can not switch to no-tabBar page')
    const current = this.top()
    while (this.stack.length > 0) {
      const page = this.stack.pop() as PageInstance
      if (!this.routes.isTab(page.route)) this.unload(page)
    }
    if (current && current.alive && current.route !== t.route) this.call(current, 'onHide')
    const alive = this.tabs.get(t.route)
    if (alive) {
      this.stack.push(alive)
      if (alive !== current || current === undefined) this.call(alive, 'onShow')
      this.onChange()
    } else {
      const page = this.create(t.route, {})
      this.tabs.set(t.route, page)
      this.stack.push(page)
    }
    return ok()
  }

  reLaunch(url: unknown): Outcome {
    const t = this.target('reLaunch', url)
    if ('ok' in t) return t
    while (this.stack.length > 0) this.unload(this.stack.pop() as PageInstance)
    for (const page of [...this.tabs.values()]) this.unload(page)
    const page = this.create(t.route, t.query)
    if (this.routes.isTab(t.route)) this.tabs.set(t.route, page)
    this.stack.push(page)
    return ok()
  }
}
