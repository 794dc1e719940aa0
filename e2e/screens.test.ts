// Screens as people meet them in the browser, one test per defect of issue 11 that only a real layout or
// a real file chooser shows: a video work's player stays in its own box on the work page and in the
// review queue, with its length on the cover (not NaN:NaN); a PDF or a damaged photo chosen in 添加照片
// is named with what to choose instead, and the photo already chosen stays.
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { callAs, drawJpeg, OUTPUT_DIR, phoneAs, pressAt, settle, uploadJpeg, uploadWebm, useStage } from './stage'

const stage = useStage('screens')
const top = (page: Page) => page.locator('.taro_page').last()

async function box(target: Locator): Promise<{ top: number; bottom: number }> {
  const b = await target.boundingBox()
  if (!b) throw new Error('element has no box')
  return { top: b.y, bottom: b.y + b.height }
}

test('a video work\'s player sits above its number, title and story, on the work page and in the review queue', async () => {
  const wang = await phoneAs(stage, 'resident-wang')
  await wang.page.goto(stage.app.url)
  const video = await uploadWebm(stage, wang)
  const cover = await uploadJpeg(stage, wang)
  const work = await callAs(stage, wang.context.request, 'selection', 'submit', {
    kind: 'video', selectionId: 'cq-2022-video', title: 'E2E 视频不挡字', story: '孕期补钙的三个小知识。', video: { ...video, duration: 2 }, cover, showsChild: false,
  })
  await wang.context.close()

  const organiser = await phoneAs(stage, 'organiser')
  await organiser.page.goto(`${stage.app.url}/#/selection/review/index?sel=cq-2022-video`)
  const card = top(organiser.page).locator('.review-card').filter({ hasText: 'E2E 视频不挡字' })
  await card.getByText('孕期补钙的三个小知识。').waitFor()
  await settle(organiser.page)
  await organiser.page.screenshot({ path: join(OUTPUT_DIR, 'screens-1-review-video.png'), fullPage: true })
  const player = await box(card.locator('.review-card__video'))
  expect(player.top).toBeGreaterThanOrEqual((await box(card.locator('.review-card__title'))).bottom)
  expect(player.bottom).toBeLessThanOrEqual((await box(card.getByText('孕期补钙的三个小知识。'))).top)
  expect(player.bottom).toBeLessThanOrEqual((await box(card)).bottom)
  await callAs(stage, organiser.context.request, 'selection', 'review', { workId: work._id, decision: 'approve' })

  await organiser.page.goto(`${stage.app.url}/#/selection/work/index?id=${work._id}`)
  const page = top(organiser.page)
  await page.getByText('孕期补钙的三个小知识。').waitFor()
  await page.locator('.taro-video-cover-duration').waitFor()
  await settle(organiser.page)
  await organiser.page.screenshot({ path: join(OUTPUT_DIR, 'screens-2-work-video.png'), fullPage: true })
  const shown = await box(page.locator('.selection-work__video'))
  expect(shown.bottom).toBeLessThanOrEqual((await box(page.locator('.selection-work__number'))).top)
  expect(shown.bottom).toBeLessThanOrEqual((await box(page.locator('.selection-work__title'))).top)
  expect(await page.locator('.taro-video-cover-duration').textContent()).toBe('00:02')
  await organiser.context.close()
})

test('添加照片 names a PDF and a damaged photo with what to choose instead, and keeps the photo already chosen', async () => {
  const { context, page } = await phoneAs(stage, 'resident-wang')
  await page.goto(`${stage.app.url}/#/selection/submit/index?sel=cq-2022-cases`)
  const form = top(page)
  const add = form.getByText('添加照片', { exact: true })
  await add.waitFor()
  let chooser = page.waitForEvent('filechooser')
  await pressAt(page, add)
  await (await chooser).setFiles({ name: 'ward.jpg', mimeType: 'image/jpeg', buffer: await drawJpeg(page) })
  await form.getByText('还可添加 8 张').waitFor()
  await form.getByText('上传中…').waitFor({ state: 'detached' })
  chooser = page.waitForEvent('filechooser')
  await pressAt(page, add)
  await (await chooser).setFiles([
    { name: '体检报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
    { name: 'broken.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]) },
  ])
  await page.getByText('“体检报告.pdf” 不是照片，请选择 JPG、PNG 或 HEIC 格式的图片', { exact: false }).waitFor({ timeout: 10000 })
  await page.getByText('“broken.jpg” 无法打开，可能已损坏或格式不受支持，请换一张 JPG 或 PNG 照片', { exact: false }).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'screens-3-not-a-photo.png'), fullPage: true })
  expect(await form.locator('.image-picker__thumb').count()).toBe(1)
  expect(await form.getByText('还可添加 8 张').count()).toBe(1)
  await context.close()
})
