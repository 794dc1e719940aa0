// Expert scoring and work posters in the browser against the running local app. A typical case and a
// photo work are submitted and approved through the gateway's function calls (the forms have their own
// tests); then the demo expert (孙教授, assigned 妇幼好医生 among others) opens 案例评审 from 我的, is
// stopped at an out-of-range score, saves 88 and finds it kept after a reload; and a resident opens the
// photo work, makes its poster, and the mini-program code read off the poster opens the same work.
import type { ActionName, InputOf } from '../src/contract/api'
import { join } from 'node:path'
import type { APIRequestContext } from 'playwright-core'
import { readQrPng } from '../local/read-qr'
import { callAs, OUTPUT_DIR, phoneAs, pressAt, uploadJpeg, settle, useStage } from './stage'

const stage = useStage('expert')
const fn = <A extends ActionName<'selection'>>(request: APIRequestContext, action: A, input: InputOf<'selection', A>) => callAs(stage, request, 'selection', action, input)

async function approve(workId: string): Promise<void> {
  const organiser = await phoneAs(stage, 'organiser')
  await fn(organiser.context.request, 'review', { workId, decision: 'approve' })
  await organiser.context.close()
}

const CASE_TITLE = 'E2E 三十年守护母婴平安'

test('the demo expert scores a case from 我的 → 案例评审, and the score is kept after a reload', async () => {
  const author = await phoneAs(stage, 'resident-wang')
  await author.page.goto(`${stage.app.url}/#/pages/me/index`)
  const image = await uploadJpeg(stage, author, '#c8102e')
  const work = await fn(author.context.request, 'submit', {
    kind: 'cases', selectionId: 'cq-2022-cases', category: 'doctor', title: CASE_TITLE, images: [image],
    story: '张医生扎根基层产科三十年，带领团队守护了上万名母亲和新生儿的平安。', applicant: { institution: '重庆市某区妇幼保健院', person: '张医生' },
  })
  await approve(work._id)
  await author.context.close()

  const expert = await phoneAs(stage, 'expert')
  await expert.page.goto(`${stage.app.url}/#/pages/me/index`)
  const me = expert.page.locator('.taro_page').last()
  await pressAt(expert.page, me.getByText('开始评审', { exact: true }))
  const score = expert.page.locator('.taro_page').last()
  const card = score.locator('.case-score-card').filter({ hasText: CASE_TITLE })
  await card.getByText('我的评分：尚未评分').waitFor()
  await card.getByText('申报：重庆市某区妇幼保健院 · 张医生').waitFor()
  // Typed key by key, as a person types: h5's number input would drop '.', '-' and 'e' (85.5 → 855).
  const box = card.locator('input[placeholder="请输入 0–100 的整数"]')
  for (const [typed, refusal] of [['85.5', '评分应为整数，请去掉小数'], ['-1', '评分应在 0–100 之间，您填的是 -1'], ['1e2', '评分只能填数字，请填写 0–100 的整数']] as const) {
    await box.fill('')
    await box.pressSequentially(typed)
    await pressAt(expert.page, card.getByText('保存评分', { exact: true }))
    await card.getByText(refusal).waitFor()
  }
  await card.locator('input[placeholder="请输入 0–100 的整数"]').fill('150')
  await pressAt(expert.page, card.getByText('保存评分', { exact: true }))
  await card.getByText('评分应在 0–100 之间，您填的是 150').waitFor()
  await card.locator('input[placeholder="请输入 0–100 的整数"]').fill('88')
  await card.locator('textarea').fill('材料翔实，成效突出。')
  await pressAt(expert.page, card.getByText('保存评分', { exact: true }))
  await card.getByText('已保存：88 分').waitFor()
  await settle(expert.page)
  await expert.page.screenshot({ path: join(OUTPUT_DIR, 'expert-1-scored.png'), fullPage: true })

  await expert.page.reload()
  const again = expert.page.locator('.taro_page').last().locator('.case-score-card').filter({ hasText: CASE_TITLE })
  await again.getByText('我的评分：88 分').waitFor()
  expect(await again.locator('input[placeholder="请输入 0–100 的整数"]').inputValue()).toBe('88')
  expect(await again.locator('textarea').inputValue()).toBe('材料翔实，成效突出。')
  await expert.context.close()
})

test('a resident makes a poster of a published work; its code opens the same work', async () => {
  const author = await phoneAs(stage, 'resident-wang')
  await author.page.goto(`${stage.app.url}/#/pages/me/index`)
  const image = await uploadJpeg(stage, author, '#2f7d5b')
  const work = await fn(author.context.request, 'submit', {
    kind: 'photo', selectionId: 'cq-2022-photo', title: 'E2E 海报里的全家福', story: '一家人在南山看花。', images: [image], showsChild: false,
  })
  await approve(work._id)
  await author.context.close()

  const li = await phoneAs(stage, 'resident-li')
  await li.page.goto(`${stage.app.url}/#/selection/work/index?id=${encodeURIComponent(work._id)}`)
  const page = li.page.locator('.taro_page').last()
  await page.getByText('E2E 海报里的全家福').waitFor()
  await pressAt(li.page, page.getByText('生成海报', { exact: true }))
  await li.page.getByText('长按保存图片').waitFor()
  const img = li.page.locator('.poster-sheet__image img')
  await img.waitFor()
  await li.page.waitForFunction(() => (document.querySelector('.poster-sheet__image img') as HTMLImageElement | null)?.naturalWidth === 750)
  expect(await img.evaluate((el) => (el as HTMLImageElement).naturalHeight)).toBe(1180)
  const box = await li.page.locator('.poster-sheet__image').boundingBox()
  expect(box && box.width > 100).toBe(true)
  expect(Math.abs((box?.height ?? 0) - ((box?.width ?? 0) * 1180) / 750)).toBeLessThan(2)
  await settle(li.page)
  await li.page.screenshot({ path: join(OUTPUT_DIR, 'expert-2-poster.png') })

  const src = await img.getAttribute('src')
  expect(src).toMatch(/^data:image\/png;base64,/)
  const url = readQrPng(Buffer.from((src ?? '').split(',')[1] ?? '', 'base64'))
  expect(url).toMatch(new RegExp(`^${stage.app.url.replace(/[.]/g, '\\.')}/#/selection/work/index\\?scene=`))

  const scanner = await phoneAs(stage, 'resident-wang')
  await scanner.page.goto(url ?? '')
  const opened = scanner.page.locator('.taro_page').last()
  await opened.getByText('E2E 海报里的全家福').waitFor()
  await opened.getByText(/^\d{3} 号$/).waitFor()
  await settle(scanner.page)
  await scanner.page.screenshot({ path: join(OUTPUT_DIR, 'expert-3-scanned.png') })
  await scanner.context.close()
  await li.context.close()
})
