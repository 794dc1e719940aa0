// Screens as people meet them in the browser, one test per defect of issue 11 that only a real layout
// shows: a video work's player stays in its own box on the work page and in the review queue, with its
// length on the cover (not NaN:NaN).
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { callAs, OUTPUT_DIR, phoneAs, settle, uploadJpeg, uploadWebm, useStage } from './stage'

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
