// The weapp build's setData traffic, measured by the weapp tier (weapp-tier/): calls and bytes for the
// first screen of each page (as a role that sees the page's real content) and for each step of the
// flows (browse, clinic sign-up, photo upload behind the privacy prompt, review, vote, poster, expert
// score), and the time from a cold launch to the home page's first text. WeChat advises small,
// infrequent setData; these figures show where a page sends a lot.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DIST, type IdentityKey } from '../weapp-tier/app'
import { readAppJson } from '../weapp-tier/app-json'
import { startCloud } from '../weapp-tier/cloud'
import { launch, type Weapp } from '../weapp-tier/harness'
import { docs, photo, publishedCase } from '../weapp-tier/scene'
import { CASES, PHOTO, R, url } from '../weapp-tier/__tests__/routes'

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

    const author = await launch(runtime, url(R.submit, { sel: PHOTO }), { as: { openid: `bench-weapp-photo-${Date.now()}` } })
    await step(author, 'photo: tap 添加照片 (privacy prompt)', () => author.tap('添加照片'))
    await step(author, 'photo: tap 拒绝', () => author.tap('拒绝'))
    await step(author, 'photo: 添加照片 → 同意 → pick a photo (uploads)', async () => {
      await author.tap('添加照片')
      await author.tap('同意')
      await author.answer('chooseMedia', [photo(80, 60)])
    })
    await step(author, 'photo: type the title', () => author.input('给照片起个名字', '一家三口的周末'))
    await step(author, 'photo: 提交作品 → 我的作品', async () => {
      await author.tap('提交作品')
      await author.answer('showModal', true)
    })
    author.close()

    const review = await launch(runtime, url(R.review, { sel: PHOTO }), { as: 'organiser' })
    rows.push([`first screen ${R.review} with 1 pending work (organiser)`, `${review.pages.totals.calls} setData, ${kb(review.pages.totals.bytes)}`])
    await step(review, 'review: tap 通过', () => review.tap('通过'))
    review.close()

    const [work] = await docs<{ _id: string }>(runtime, 'selectionWorks', { selectionId: PHOTO, status: 'published' })
    const voter = await launch(runtime, url(R.work, { id: work?._id ?? '' }), { as: 'resident-li' })
    rows.push([`first screen ${R.work} of a published work (resident-li)`, `${voter.pages.totals.calls} setData, ${kb(voter.pages.totals.bytes)}`])
    await step(voter, 'vote: tap 投票', () => voter.tap('投票'))
    await step(voter, 'poster: tap 生成海报 (drawn on the canvas)', () => voter.tap('生成海报'))
    await step(voter, 'poster: tap 保存到相册, allow the album', async () => {
      await voter.tap('保存到相册')
      await voter.answer('authorize', true)
    })
    voter.close()

    const ranking = await launch(runtime, url(R.ranking, { sel: PHOTO }), { as: 'resident-wang' })
    rows.push([`first screen ${R.ranking} with 1 work (resident-wang)`, `${ranking.pages.totals.calls} setData, ${kb(ranking.pages.totals.bytes)}`])
    ranking.close()

    await publishedCase(runtime, `bench-weapp-case-${Date.now()}`, CASES, 'midwife', '产房里的温柔守护')
    const expert = await launch(runtime, url(R.score, { kind: 'cases' }), { as: 'expert' })
    rows.push([`first screen ${R.score} with 1 case (expert)`, `${expert.pages.totals.calls} setData, ${kb(expert.pages.totals.bytes)}`])
    await step(expert, 'score: type 101', () => expert.input('请输入 0–100 的整数', '101'))
    await step(expert, 'score: 保存评分 (refused on the card)', () => expert.tap('保存评分'))
    await step(expert, 'score: type 88', () => expert.input('请输入 0–100 的整数', '88'))
    await step(expert, 'score: 保存评分 (saved)', () => expert.tap('保存评分'))
    expert.close()
  } finally {
    await runtime.close()
  }
  return rows
}
