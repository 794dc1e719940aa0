// Submitting to the other two selections in the browser against the running local app: resident-wang
// applies with a typical case (a real JPEG drawn by the browser) and uploads a one-minute video (a real
// WEBM recorded from a canvas by the browser's MediaRecorder, whose length the form reads before
// uploading it with a cover frame), then sees both in 我的作品 as 审核中.
import { join } from 'node:path'
import { drawJpeg, OUTPUT_DIR, phoneAs, pressAt, recordWebm, settle, useStage } from './stage'

const stage = useStage('submit')
const CASE_TITLE = 'E2E 孕产妇全程健康管理'
const VIDEO_TITLE = 'E2E 孕期补钙小知识'

test('a resident applies with a typical case and uploads a video, and sees both under review', async () => {
  const { context, page } = await phoneAs(stage, 'resident-wang')

  await page.goto(`${stage.app.url}/#/selection/submit/index?sel=cq-2022-cases`)
  let form = page.locator('.taro_page').last()
  await form.getByText('添加照片', { exact: true }).waitFor()
  await form.locator('.choice-chip').filter({ hasText: '妇幼好医生' }).click()
  await form.locator('input[placeholder="填写申报单位全称"]').fill('重庆市巴南区妇幼保健院')
  await form.locator('input[placeholder="被推荐人物的姓名"]').fill('李医生')
  await form.locator('input[placeholder="给案例起个名称"]').fill(CASE_TITLE)
  await form.locator('textarea').fill('建立孕产妇全程健康管理档案，家庭医生团队上门随访，高危孕产妇专案管理率达到百分之百。')
  const photo = await drawJpeg(page)
  expect(photo.subarray(0, 2).toString('hex')).toBe('ffd8')
  let chooser = page.waitForEvent('filechooser')
  await pressAt(page, form.getByText('添加照片', { exact: true }))
  await (await chooser).setFiles({ name: 'ward.jpg', mimeType: 'image/jpeg', buffer: photo })
  await form.locator('.image-picker__thumb').first().waitFor()
  await form.getByText('上传中…').waitFor({ state: 'detached' })
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'submit-1-case.png'), fullPage: true })
  await pressAt(page, form.getByText('提交申报', { exact: true }))
  await page.getByText('我知道了', { exact: true }).click()
  await page.locator('.taro_page').last().locator('.my-work').filter({ hasText: CASE_TITLE }).getByText('审核中', { exact: true }).waitFor()

  await page.goto(`${stage.app.url}/#/selection/submit/index?sel=cq-2022-video`)
  form = page.locator('.taro_page').last()
  await form.getByText('选择视频', { exact: true }).waitFor()
  const video = Buffer.from(await page.evaluate(recordWebm), 'base64')
  expect(video.subarray(0, 4).toString('hex')).toBe('1a45dfa3')
  chooser = page.waitForEvent('filechooser')
  await pressAt(page, form.getByText('选择视频', { exact: true }))
  await (await chooser).setFiles({ name: 'talk.webm', mimeType: 'video/webm', buffer: video })
  await form.getByText('已上传', { exact: true }).waitFor()
  expect(await form.locator('.video-picker__duration').textContent()).toBe('0:02')
  await form.locator('input[placeholder="给视频起个名字"]').fill(VIDEO_TITLE)
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'submit-2-video.png'), fullPage: true })
  await pressAt(page, form.getByText('提交作品', { exact: true }))
  await page.getByText('我知道了', { exact: true }).click()

  const mine = page.locator('.taro_page').last()
  for (const title of [VIDEO_TITLE, CASE_TITLE]) {
    await mine.locator('.my-work').filter({ hasText: title }).getByText('审核中', { exact: true }).waitFor()
  }
  await mine.locator('.my-work').filter({ hasText: VIDEO_TITLE }).getByText('1分钟说孕产健康').waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'submit-3-mine.png'), fullPage: true })
  await context.close()
})
