// The weapp build as WeChat DevTools would take it: project.config.json points at it, every page in
// app.json exists, the local-only sign-in page is absent, WeChat's compilers accept the WXML and WXSS,
// and every cloud function folder is uploadable (built index.js with main, pinned wx-server-sdk).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileWxml, compileWxss } from './wechat-compilers'

const root = join(__dirname, '..')
const dist = join(root, 'dist')
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>

interface AppJson {
  pages: string[]
  tabBar?: { list: Array<{ pagePath: string; iconPath?: string; selectedIconPath?: string }> }
  subPackages?: Array<{ root: string; pages: string[] }>
}

describe('weapp build', () => {
  const app = readJson(join(dist, 'app.json')) as unknown as AppJson
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]

  test('project.config.json points DevTools at the build and the functions', () => {
    const project = readJson(join(root, 'project.config.json'))
    expect(project.miniprogramRoot).toBe('dist/')
    expect(project.cloudfunctionRoot).toBe('cloudfunctions/')
  })

  test.each(pages)('page %s exists with js, json and wxml', (page) => {
    for (const ext of ['.js', '.json', '.wxml']) expect(existsSync(join(dist, page + ext))).toBe(true)
  })

  test('every tab has both icons in the build', () => {
    for (const tab of app.tabBar?.list ?? []) {
      expect(pages).toContain(tab.pagePath)
      for (const icon of [tab.iconPath, tab.selectedIconPath]) expect(icon && existsSync(join(dist, icon))).toBe(true)
    }
  })

  test('the local sign-in page is not in the weapp build', () => {
    expect(pages.some((p) => p.includes('local') || p.includes('sign-in'))).toBe(false)
    expect(existsSync(join(dist, 'pages-local'))).toBe(false)
    expect(readFileSync(join(dist, 'app.js'), 'utf8')).not.toContain('/api/local/')
  })

  test('wcc accepts every WXML file', () => {
    const result = compileWxml(dist)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.outputBytes).toBeGreaterThan(1000)
  })

  test('wcsc accepts every WXSS file', () => {
    const result = compileWxss(dist)
    expect(result.status).toBe(0)
  })

  test('the compilers do reject broken input (the checks above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'broken-weapp-'))
    writeFileSync(join(dir, 'a.wxml'), '<view><text>未闭合</view>')
    writeFileSync(join(dir, 'a.wxss'), '.a { color: red; ')
    expect(compileWxml(dir).status).not.toBe(0)
    expect(compileWxss(dir).status).not.toBe(0)
  })

  const functions = readdirSync(join(root, 'cloudfunctions'))
  test.each(functions)('cloud function %s is ready to upload', (fn) => {
    const dir = join(root, 'cloudfunctions', fn)
    const pkg = readJson(join(dir, 'package.json')) as { dependencies?: Record<string, string> }
    expect(pkg.dependencies?.['wx-server-sdk']).toBe('4.0.2')
    expect(readJson(join(dir, 'config.json'))).toHaveProperty('permissions')
    const source = readFileSync(join(dir, 'index.js'), 'utf8')
    const loaded = spawnSync(process.execPath, ['-e', 'const m = require(process.argv[1]); process.stdout.write(typeof m.main)', join(dir, 'index.js')], { encoding: 'utf8' })
    expect(loaded.stdout).toBe('function')
    expect(source).toContain('require("wx-server-sdk")')
  })
})
