// The 「幸福亲子照」selection in the browser against the running local app: a resident uploads a photo
// work (a real JPEG drawn by the browser, set on the h5 file chooser), the organiser approves it in the
// review queue, another resident votes on its page, and the ranking shows the vote.
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { REPO_ROOT, startLocalApp, type LocalApp } from '../local/runtime'
import { launchChromium, OUTPUT_DIR } from './browser'

let app: LocalApp
let browser: Browser

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true })
  app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'e2e-contest-')), staticDir: join(REPO_ROOT, 'dist-h5') })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const SEL = 'cq-2022-photo'
const TITLE = 'E2E 外婆的生日'

/** Presses where the user sees the element (Taro h5's pull-to-refresh wrapper confuses Playwright's check). */
async function pressAt(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await target.scrollIntoViewIfNeeded()
  const box = await target.boundingBox()
  if (!box) throw new Error('element has no box')
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

async function phoneAs(key: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 760 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  await context.request.post(`${app.url}/api/local/sign-in`, { data: { key } })
  return { context, page: await context.newPage() }
}

/** A small real JPEG, drawn and encoded by the browser itself. */
async function jpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas')
    canvas.width = 320
    canvas.height = 240
    const g = canvas.getContext('2d') as CanvasRenderingContext2D
    g.fillStyle = '#fde8e6'
    g.fillRect(0, 0, 320, 240)
    g.fillStyle = '#c8102e'
    g.beginPath()
    g.arc(160, 120, 70, 0, Math.PI * 2)
    g.fill()
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/jpeg', 0.85))
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let text = ''
    bytes.forEach((b) => { text += String.fromCharCode(b) })
    return btoa(text)
  })
  return Buffer.from(base64, 'base64')
}

const settle = (page: Page) => page.waitForTimeout(500)

test('a resident uploads a photo work, the organiser approves it, another resident votes, the ranking shows it', async () => {
  const wang = await phoneAs('resident-wang')
  await wang.page.goto(`${app.url}/#/contest/submit/index?sel=${SEL}`)
  const form = wang.page.locator('.taro_page').last()
  await form.getByText('添加照片', { exact: true }).waitFor()
  const photo = await jpeg(wang.page)
  expect(photo.subarray(0, 2).toString('hex')).toBe('ffd8')
  const chooser = wang.page.waitForEvent('filechooser')
  await form.getByText('添加照片', { exact: true }).click()
  await (await chooser).setFiles({ name: 'grandma.jpg', mimeType: 'image/jpeg', buffer: photo })
  await form.locator('.image-picker__thumb').first().waitFor()
  await form.getByText('上传中…').waitFor({ state: 'detached' })
  await form.locator('input[placeholder="给照片起个名字"]').fill(TITLE)
  await form.locator('textarea').fill('三代人一起给外婆过生日。')
  await form.getByText('作品中有儿童', { exact: true }).click()
  await form.getByText('我是照片中儿童的监护人，同意公开展示这件作品').click()
  await settle(wang.page)
  await wang.page.screenshot({ path: join(OUTPUT_DIR, 'contest-1-submit.png'), fullPage: true })
  await pressAt(wang.page, form.getByText('提交作品', { exact: true }))
  await wang.page.getByText('我知道了', { exact: true }).click()
  const mine = wang.page.locator('.taro_page').last()
  await mine.getByText(TITLE).waitFor()
  await mine.getByText('审核中', { exact: true }).waitFor()
  await settle(wang.page)
  await wang.page.screenshot({ path: join(OUTPUT_DIR, 'contest-2-mine-pending.png'), fullPage: true })

  const organiser = await phoneAs('organiser')
  await organiser.page.goto(`${app.url}/#/contest/review/index?sel=${SEL}`)
  const queue = organiser.page.locator('.taro_page').last()
  const item = queue.locator('.review-card').filter({ hasText: TITLE })
  await item.waitFor()
  await item.getByText('有儿童 · 监护人已同意').waitFor()
  await settle(organiser.page)
  await organiser.page.screenshot({ path: join(OUTPUT_DIR, 'contest-3-review.png'), fullPage: true })
  await pressAt(organiser.page, item.getByText('通过', { exact: true }))
  await queue.getByText('这里没有作品').waitFor()
  await organiser.context.close()

  await wang.context.close()

  const li = await phoneAs('resident-li')
  await li.page.goto(`${app.url}/#/contest/gallery/index?sel=${SEL}`)
  const gallery = li.page.locator('.taro_page').last()
  await gallery.getByText(TITLE).click()
  const work = li.page.locator('.taro_page').last()
  await work.getByText('今天还可投 5 票（共 5 票）').waitFor()
  await work.getByText('❤ 0 票').waitFor()
  await pressAt(li.page, work.getByText('投票', { exact: true }))
  await work.getByText('❤ 1 票').waitFor()
  await work.getByText('今天已为这件作品投过票，明天再来支持吧').waitFor()
  await settle(li.page)
  await li.page.screenshot({ path: join(OUTPUT_DIR, 'contest-4-voted.png'), fullPage: true })

  await pressAt(li.page, work.getByText('查看排行榜', { exact: true }))
  const ranking = li.page.locator('.taro_page').last()
  const row = ranking.locator('.rank-row').filter({ hasText: TITLE })
  await row.getByText('1 票', { exact: true }).waitFor()
  expect(await row.locator('.rank-row__rank').textContent()).toBe('1')
  await settle(li.page)
  await li.page.screenshot({ path: join(OUTPUT_DIR, 'contest-5-ranking.png'), fullPage: true })
  await li.context.close()
})
