// The tier itself can fail: a broken template, an unfaked API, a page error, an unhandled rejection, a
// main-package file requiring a subpackage's, an oversized setData — each is caught. And WeChat's page
// stack rules hold: navigateTo 10 deep, tab pages kept alive, redirectTo / switchTab / reLaunch.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIST } from '../app'
import { dispatchTap, type EventSink } from '../events'
import { applySetData, parsePath } from '../set-data'
import type { VNode } from '../view'
import { compileTemplates } from '../view'
import { R, url } from './routes'
import { ROLES, useWeapp } from './setup'

const { open } = useWeapp()

/** A copy of dist/ with one file changed. */
function distWith(file: string, change: (source: string) => string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'weapp-tier-broken-')), 'dist')
  cpSync(DIST, dir, { recursive: true })
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')))
  return dir
}

describe('the tier fails when the app is broken', () => {
  test('a template slip in base.wxml (the second level\'s templates misnamed) is a recorded error', async () => {
    const dist = distWith('base.wxml', (s) => s.replace(/<template name="tmpl_1_/g, '<template name="tmpl_one_'))
    const app = await open(url(R.home), { as: ROLES.resident, dist })
    expect(app.errors.join('\n')).toMatch(/Template `tmpl_1_\d+` not found/)
    expect(() => app.expectClean()).toThrow(/weapp 测试层记录了/)
    app.errors.length = 0
  })

  test('a template wcc cannot compile stops the tier with wcc\'s message', () => {
    const dist = distWith('pages/index/index.wxml', (s) => `${s}\n<view><text>未闭合</view>`)
    expect(() => compileTemplates(dist)).toThrow(/wcc 编译模板失败/)
  })

  test('an API the tier does not fake fails the test, even when the app catches the throw', async () => {
    const dist = distWith('app.js', (s) => `try { wx.startCompass() } catch (e) {}\n${s}`)
    const app = await open(url(R.home), { as: ROLES.resident, dist })
    expect(app.errors).toEqual([expect.stringContaining('wx.startCompass 没有在 weapp 测试层中模拟')])
    expect(() => app.expectClean()).toThrow(/startCompass/)
    app.errors.length = 0
  })

  test('an unhandled rejection in the app fails the test', async () => {
    const dist = distWith('pages/venues/index.js', (s) => `${s}\nPromise.reject(new Error('分会场加载失败'))`)
    const app = await open(url(R.venues), { as: ROLES.resident, dist })
    expect(app.errors.join('\n')).toMatch(/未处理的 Promise 拒绝：.*分会场加载失败/)
    app.errors.length = 0
  })

  test('a page lifecycle that throws is a page error', async () => {
    const dist = distWith('pages/venues/index.js', (s) => s.replace(/Page\((\w+)\)\}/, 'Page(Object.assign($1,{onShow:function(){throw new Error("onShow 坏了")}}))}'))
    const app = await open(url(R.venues), { as: ROLES.resident, dist })
    expect(app.errors.join('\n')).toMatch(/onShow 出错：.*onShow 坏了/)
    app.errors.length = 0
  })

  test('the main package cannot require a subpackage file', async () => {
    const dist = distWith('pages/me/index.js', (s) => `require("../../${R.clinicSlots}.js");\n${s}`)
    await expect(open(url(R.me), { as: ROLES.resident, dist })).rejects.toThrow(/不能引用分包/)
  })

  test('one subpackage cannot require another\'s file', async () => {
    const dist = distWith(`${R.checkIn}.js`, (s) => `require("../../${R.clinicMine}.js");\n${s}`)
    await expect(open(url(R.checkIn), { as: ROLES.staff, dist })).rejects.toThrow(/在分包 \S+ 中，不能引用分包/)
  })
})

describe('setData as WeChat does it', () => {
  test('path keys set nested values on a JSON copy', () => {
    const data: Record<string, unknown> = { root: { cn: [{ v: 'a' }] } }
    const value = { deep: { n: 1 } }
    applySetData(data, { 'root.cn[0].v': 'b', 'root.cn[1].cn[0]': value, 'x.y': 2 })
    value.deep.n = 2
    expect(data).toEqual({ root: { cn: [{ v: 'b' }, { cn: [{ deep: { n: 1 } }] }] }, x: { y: 2 } })
    expect(parsePath('root.cn[12].cn[3].v')).toEqual(['root', 'cn', 12, 'cn', 3, 'v'])
  })

  test('a payload over 1 MB is refused and the page error recorded', async () => {
    const app = await open(url(R.venues), { as: ROLES.resident })
    const page = app.pages.top()
    if (!page) throw new Error('no page')
    ;(page.setData as (p: unknown) => void)({ big: 'x'.repeat(1024 * 1024) })
    expect(page.data.big).toBeUndefined()
    expect(app.errors.join('\n')).toMatch(/超过微信的上限 1024 KB/)
    app.errors.length = 0
  })
})

test('a tap reaches every bindtap ancestor, target first, and stops after a catchtap', () => {
  const node = (attr: Record<string, unknown>, parent?: VNode): VNode => {
    const n: VNode = { tag: 'wx-view', attr, children: [], parent, owner: 'page' }
    parent?.children.push(n)
    return n
  }
  const root = node({ id: 'root', bindtap: 'outer' })
  const stop = node({ id: 'stop', catchtap: 'stopper' }, root)
  const mid = node({ id: 'mid', bindtap: 'eh', 'data-sid': 'mid' }, stop)
  const plain = node({ id: 'plain' }, mid)
  const target = node({ id: 'target', bindtap: 'eh', 'data-item-id': 7 }, plain)
  const seen: string[] = []
  const handler = (name: string) => (e: { currentTarget: { id: string }; target: { id: string; dataset: Record<string, unknown> } }) =>
    seen.push(`${name}@${e.currentTarget.id}<-${e.target.id}:${String(e.target.dataset.itemId)}`)
  const owner = { eh: handler('eh'), stopper: handler('stopper'), outer: handler('outer') }
  const sink: EventSink = { owner: () => owner, json: (v) => v, fail: (m) => seen.push(`fail ${m}`), now: () => 0 }
  expect(dispatchTap(sink, target)).toBe(3)
  expect(seen).toEqual(['eh@target<-target:7', 'eh@mid<-target:7', 'stopper@stop<-target:7'])
})

describe('the page stack', () => {
  test('navigateTo stops at 10 pages; a tab page cannot be pushed or redirected to', async () => {
    const app = await open(url(R.venues), { as: ROLES.resident })
    for (let i = 1; i < 10; i++) {
      expect(app.pages.navigateTo(url(R.event, { id: 'banan-opening' })).ok).toBe(true)
      await app.settle()
    }
    expect(app.pages.stack).toHaveLength(10)
    expect(app.pages.navigateTo(url(R.event, { id: 'banan-opening' }))).toEqual({ ok: false, errMsg: 'navigateTo:fail webview count limit exceed', errno: undefined })
    expect(app.pages.navigateTo(url(R.me)).ok).toBe(false)
    expect(app.pages.redirectTo(url(R.home)).ok).toBe(false)
    expect(app.pages.navigateTo('/pages/nowhere/index')).toMatchObject({ ok: false, errMsg: 'navigateTo:fail page "pages/nowhere/index" is not found' })
    await app.back(9)
    expect(app.route).toBe(R.venues)
    app.expectClean()
  })

  test('switchTab keeps tab pages alive and closes pushed pages; reLaunch closes everything', async () => {
    const app = await open(url(R.home), { as: ROLES.resident })
    const home = app.pages.top()
    expect(app.pages.switchTab(url(R.venues)).ok).toBe(true)
    expect(app.pages.navigateTo(url(R.venue, { id: 'banan' })).ok).toBe(true)
    const venue = app.pages.top()
    await app.settle()
    expect(app.pages.switchTab(url(R.home)).ok).toBe(true)
    await app.settle()
    expect(app.pages.stack).toEqual([home])
    expect(home?.alive).toBe(true)
    expect(venue?.alive).toBe(false)
    expect(app.pages.switchTab(url(R.venue, { id: 'banan' })).ok).toBe(false)
    expect(app.pages.redirectTo(url(R.event, { id: 'banan-opening' })).ok).toBe(true)
    expect(home?.alive).toBe(false)
    expect(app.pages.reLaunch(url(R.me)).ok).toBe(true)
    await app.waitForText('居民')
    expect(app.pages.stack).toHaveLength(1)
    app.expectClean()
  })
})
