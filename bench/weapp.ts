// The weapp build's setData traffic, measured by the weapp tier (weapp-tier/): calls and bytes for the
// first screen of each page (as a role that sees the page's real content) and for each step of two
// flows, and the time from a cold launch to the home page's first text. WeChat advises small,
// infrequent setData; these figures show where a page sends a lot.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DIST, type IdentityKey } from '../weapp-tier/app'
import { readAppJson } from '../weapp-tier/app-json'
import { startCloud } from '../weapp-tier/cloud'
import { launch, type Weapp } from '../weapp-tier/harness'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

function queryFor(route: string): string {
  const page = route.split('/').slice(-2, -1)[0] ?? ''
  const byPage: Record<string, string> = {
    venue: 'id=banan', event: 'id=banan-opening', slot: 'id=banan-d1-am', work: 'id=no-such-work', manage: 'kind=photo', score: 'kind=cases',
    gallery: 'sel=cq-2022-photo', submit: 'sel=cq-2022-photo', ranking: 'sel=cq-2022-photo', review: 'sel=cq-2022-photo', watch: 'sel=cq-2022-photo', results: 'sel=cq-2022-photo',
  }
  return byPage[page] ? `?${byPage[page]}` : ''
}

function roleFor(route: string): IdentityKey {
  if (route.endsWith('score/index')) return 'expert'
  if (/^(staff|pages\/me)\//.test(route) || /(review|manage|watch)\/index$/.test(route)) return 'organiser'
  return 'resident-wang'
}

export async function weappFigures(): Promise<Array<[string, string]>> {
  if (!existsSync(join(DIST, 'app.json'))) return [['weapp tier', 'dist/ missing: build the weapp first']]
  const runtime = await startCloud()
  const rows: Array<[string, string]> = []
  try {
    const started = Date.now()
    const cold = await launch(runtime, '/pages/index/index', { as: 'resident-wang' })
    await cold.waitForText('中国(重庆)2022妇幼健康公益文化节')
    rows.push(['launch → home first text (cold: compile templates, run app.js, festival.home)', `${Date.now() - started} ms`])
    cold.close()
    const warmStart = Date.now()
    const warm = await launch(runtime, '/pages/index/index', { as: 'resident-wang' })
    await warm.waitForText('中国(重庆)2022妇幼健康公益文化节')
    rows.push(['launch → home first text (warm process)', `${Date.now() - warmStart} ms`])
    warm.close()

    for (const route of readAppJson(DIST).all) {
      const app = await launch(runtime, `/${route}${queryFor(route)}`, { as: roleFor(route) })
      rows.push([`first screen ${route} (${roleFor(route)})`, `${app.pages.totals.calls} setData, ${kb(app.pages.totals.bytes)}${app.errors.length ? `, ${app.errors.length} errors` : ''}`])
      app.close()
    }

    const step = async (app: Weapp, name: string, run: () => Promise<void>) => {
      const before = { ...app.pages.totals }
      await run()
      rows.push([`step ${name}`, `${app.pages.totals.calls - before.calls} setData, ${kb(app.pages.totals.bytes - before.bytes)}`])
    }
    const browse = await launch(runtime, '/pages/index/index', { as: 'resident-wang' })
    await step(browse, 'browse: tap 巴南分会场 on 首页', () => browse.tap('巴南分会场'))
    await step(browse, 'browse: tap an event on the venue', () => browse.tap('巴南分会场开幕式暨授旗仪式'))
    await step(browse, 'browse: back to the venue', () => browse.back())
    browse.close()

    const slot = readAppJson(DIST).all.find((r) => r.endsWith('slot/index')) ?? ''
    const signup = await launch(runtime, `/${slot}?id=banan-d1-am`, { as: { openid: `bench-weapp-${Date.now()}` } })
    await step(signup, 'sign-up: submit empty form (errors shown)', () => signup.tap('提交报名'))
    await step(signup, 'sign-up: type a name', () => signup.input('请填写真实姓名', '王小红'))
    await step(signup, 'sign-up: type a phone number', () => signup.input('11 位手机号码', '13800001234'))
    await step(signup, 'sign-up: choose a category', () => signup.tap('妇女', signup.field('人群类别')))
    await step(signup, 'sign-up: choose a service', () => signup.tap('两癌筛查', signup.field('想要的义诊服务（可多选）')))
    await step(signup, 'sign-up: agree', () => signup.tap('我已阅读并同意以上说明'))
    await step(signup, 'sign-up: submit, accept reminders', async () => {
      await signup.tap('提交报名')
      // Builds without subscribe template ids (CLINIC_TEMPLATE_*) never ask.
      if (signup.ui.prompts.some((p) => p.kind === 'requestSubscribeMessage')) await signup.answer('requestSubscribeMessage', 'accept')
    })
    await step(signup, 'sign-up: 查看报名 → 我的报名', () => signup.answer('showModal', true))
    signup.close()
  } finally {
    await runtime.close()
  }
  return rows
}
