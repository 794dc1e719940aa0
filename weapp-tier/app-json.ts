// dist/app.json as the tier needs it: every route (main package and subpackages), the tab routes and the
// subpackage roots. Tests read routes from here, so a renamed folder changes only the tests' route list.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string; text: string }> }
  window?: { navigationBarTitleText?: string }
}

export interface AppRoutes {
  json: AppJson
  all: string[]
  tabs: string[]
  subpackages: string[]
  has(route: string): boolean
  isTab(route: string): boolean
}

export function readAppJson(dist: string): AppRoutes {
  const json = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as AppJson
  const subs = json.subPackages ?? []
  const all = [...json.pages, ...subs.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))]
  const tabs = (json.tabBar?.list ?? []).map((t) => t.pagePath)
  return {
    json,
    all,
    tabs,
    subpackages: subs.map((p) => p.root.replace(/\/$/, '')),
    has: (route) => all.includes(route),
    isTab: (route) => tabs.includes(route),
  }
}

/** '/pages/venue/index?venueId=banan' → { route: 'pages/venue/index', query: { venueId: 'banan' } } */
export function parseUrl(url: string, from = ''): { route: string; query: Record<string, string> } {
  const [path = '', search = ''] = url.split('?')
  let route = path.startsWith('/') ? path.slice(1) : path
  if (!path.startsWith('/') && from) {
    const base = from.split('/').slice(0, -1)
    for (const part of route.split('/')) {
      if (part === '..') base.pop()
      else if (part !== '.') base.push(part)
    }
    route = base.join('/')
  }
  const query: Record<string, string> = {}
  for (const pair of search.split('&')) {
    if (!pair) continue
    const [k = '', v = ''] = pair.split('=')
    query[k] = v
  }
  return { route, query }
}
