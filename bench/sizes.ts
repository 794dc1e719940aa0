// Size figures: the weapp main package and total (WeChat allows 2 MB per package, 20 MB in all), and
// each cloud function's bundle without wx-server-sdk.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

function sizeOf(path: string, exclude: (rel: string) => boolean = () => false, base = path): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return exclude(relative(base, path)) ? 0 : stat.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name), exclude, base), 0)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export function weappSizes(dist: string): Array<[string, string]> {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const isSub = (rel: string) => roots.some((r) => rel === r || rel.startsWith(`${r}/`))
  const ignore = (rel: string) => rel.endsWith('.LICENSE.txt') || rel === 'project.config.json'
  const rows: Array<[string, string]> = [
    ['weapp main package', kb(sizeOf(dist, (rel) => ignore(rel) || isSub(rel)))],
    ['weapp total', kb(sizeOf(dist, ignore))],
  ]
  for (const root of roots) rows.push([`weapp subpackage ${root}`, kb(sizeOf(join(dist, root), ignore))])
  return rows
}

export function functionSizes(functionsDir: string): Array<[string, string]> {
  return readdirSync(functionsDir).map((fn) => [`cloud function ${fn} (index.js)`, kb(statSync(join(functionsDir, fn, 'index.js')).size)])
}
