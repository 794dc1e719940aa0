// An organiser uploads a lecture's video in the browser against the running local app: a file that is not
// a video is refused in Chinese, a recorded WEBM shows its length and uploads (through a lecture video
// ticket, sniffed by the gateway), the lecture's length follows it, publishing makes it the lecture's
// video, and a resident's lecture page plays it from a URL the gateway serves with range requests; the
// uploaded video is then offered by 从已上传的视频中选择.
import { join } from 'node:path'
import { callAs, field, OUTPUT_DIR, phoneAs, pressAt, recordWebm, settle, useStage } from './stage'

const stage = useStage('organiser-video')

test('an organiser uploads a lecture video and publishes it; the resident\'s lecture page plays it', async () => {
  const organiser = await phoneAs(stage, 'organiser')
  const resident = await phoneAs(stage, 'resident-wang')
  const { page } = organiser
  await page.goto(`${stage.app.url}/#/organiser/edit/index?kind=lecture&festivalId=cq-2022&id=lecture-breastfeeding`)
  const editor = page.locator('.taro_page').last()
  await editor.getByText('讲座 · 已发布').waitFor()
  const videoField = field(editor, '视频')

  let chooser = page.waitForEvent('filechooser')
  await pressAt(page, videoField.getByText('选择视频', { exact: true }))
  await (await chooser).setFiles({ name: '讲稿.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not a video') })
  await videoField.getByRole('alert').getByText('只能上传 MP4、MOV 或 WEBM 格式的视频，请转换格式后再选').waitFor()

  const video = Buffer.from(await page.evaluate(recordWebm), 'base64')
  chooser = page.waitForEvent('filechooser')
  await pressAt(page, videoField.getByText('选择视频', { exact: true }))
  await (await chooser).setFiles({ name: '母乳喂养.webm', mimeType: 'video/webm', buffer: video })
  await videoField.getByText(/^母乳喂养\.webm · 时长 0:02 · 大小 \d+ KB$/).waitFor()
  await videoField.getByText('已上传', { exact: true }).waitFor()
  expect(await field(editor, '时长（秒）').locator('input').inputValue()).toBe('2')
  const preview = await videoField.locator('.video-field__preview').boundingBox()
  const facts = await videoField.getByText(/^母乳喂养\.webm/).boundingBox()
  expect(preview && facts && preview.y + preview.height <= facts.y + 1).toBe(true)
  const picture = await videoField.locator('.video-field__preview video').boundingBox()
  expect(picture && preview && picture.y >= preview.y - 1 && picture.y + picture.height <= preview.y + preview.height + 1).toBe(true)
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'organiser-video-1-uploaded.png'), fullPage: true })

  await pressAt(page, editor.getByText('发布', { exact: true }))
  await editor.getByText(/^已发布，居民现在看到新内容/).waitFor()
  const audit = await callAs(stage, organiser.context.request, 'content', 'auditLog', { festivalId: 'cq-2022' })
  expect(audit[0]?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['videoFileId', 'durationSec']))

  await resident.page.goto(`${stage.app.url}/#/learn/lecture/index?id=lecture-breastfeeding`)
  const lecturePage = resident.page.locator('.taro_page').last()
  const player = lecturePage.locator('video')
  await player.waitFor({ state: 'attached' })
  const src = await player.getAttribute('src')
  expect(src).toMatch(/\/files\/.*\.webm\?/)
  const whole = await resident.context.request.get(new URL(src ?? '', stage.app.url).toString())
  expect(whole.status()).toBe(200)
  expect((await whole.body()).equals(video)).toBe(true)
  const ranged = await resident.context.request.get(new URL(src ?? '', stage.app.url).toString(), { headers: { range: 'bytes=0-3' } })
  expect(ranged.status()).toBe(206)
  expect((await ranged.body()).toString('hex')).toBe('1a45dfa3')
  await player.evaluate((v: HTMLVideoElement) => new Promise<void>((resolve, reject) => {
    if (v.readyState >= 1) return resolve()
    v.addEventListener('loadedmetadata', () => resolve(), { once: true })
    v.addEventListener('error', () => reject(new Error(`the lecture video cannot play: ${v.error?.message ?? ''}`)), { once: true })
    if (v.preload === 'none') v.load()
  }))
  await settle(resident.page)
  await resident.page.screenshot({ path: join(OUTPUT_DIR, 'organiser-video-2-lecture.png'), fullPage: true })

  await page.goto(`${stage.app.url}/#/organiser/edit/index?kind=lecture&festivalId=cq-2022&id=lecture-pregnancy-checkups`)
  const other = page.locator('.taro_page').last()
  await other.getByText('讲座 · 已发布').waitFor()
  await pressAt(page, field(other, '视频').getByText('从已上传的视频中选择', { exact: true }))
  await field(other, '视频').getByText(/^母乳喂养\.webm · 时长 0:02/).waitFor()
  await resident.context.close()
  await organiser.context.close()
})
