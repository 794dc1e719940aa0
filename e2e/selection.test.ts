// The 「幸福亲子照」selection in the browser against the running local app: a resident uploads a photo
// work (a real JPEG drawn by the browser, set on the h5 file chooser), the organiser approves it in the
// review queue, another resident votes on its page, and the ranking shows the vote. A large photo is
// scaled down in the browser before it is uploaded.
import { join } from 'node:path'
import { callAs, drawJpeg, OUTPUT_DIR, phoneAs, pressAt, settle, useStage } from './stage'

const stage = useStage('selection')
const SEL = 'cq-2022-photo'
const TITLE = 'E2E 外婆的生日'


test('a resident uploads a photo work, the organiser approves it, another resident votes, the ranking shows it', async () => {
  const wang = await phoneAs(stage, 'resident-wang')
  await wang.page.goto(`${stage.app.url}/#/selection/submit/index?sel=${SEL}`)
  const form = wang.page.locator('.taro_page').last()
  await form.getByText('添加照片', { exact: true }).waitFor()
  const photo = await drawJpeg(wang.page)
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
  await wang.page.screenshot({ path: join(OUTPUT_DIR, 'selection-1-submit.png'), fullPage: true })
  await pressAt(wang.page, form.getByText('提交作品', { exact: true }))
  await wang.page.getByText('我知道了', { exact: true }).click()
  const mine = wang.page.locator('.taro_page').last()
  await mine.getByText(TITLE).waitFor()
  await mine.getByText('审核中', { exact: true }).waitFor()
  await settle(wang.page)
  await wang.page.screenshot({ path: join(OUTPUT_DIR, 'selection-2-mine-pending.png'), fullPage: true })

  const organiser = await phoneAs(stage, 'organiser')
  await organiser.page.goto(`${stage.app.url}/#/selection/review/index?sel=${SEL}`)
  const queue = organiser.page.locator('.taro_page').last()
  const item = queue.locator('.review-card').filter({ hasText: TITLE })
  await item.waitFor()
  await item.getByText('有儿童 · 监护人已同意').waitFor()
  await settle(organiser.page)
  await organiser.page.screenshot({ path: join(OUTPUT_DIR, 'selection-3-review.png'), fullPage: true })
  await pressAt(organiser.page, item.getByText('通过', { exact: true }))
  await queue.getByText('这里没有作品').waitFor()
  await organiser.context.close()

  await wang.context.close()

  const li = await phoneAs(stage, 'resident-li')
  await li.page.goto(`${stage.app.url}/#/selection/gallery/index?sel=${SEL}`)
  const gallery = li.page.locator('.taro_page').last()
  await gallery.getByText(TITLE).click()
  const work = li.page.locator('.taro_page').last()
  await work.getByText('今天还可投 5 票（共 5 票）').waitFor()
  await work.getByText('❤ 0 票').waitFor()
  await pressAt(li.page, work.getByText('投票', { exact: true }))
  await work.getByText('❤ 1 票').waitFor()
  await work.getByText('今天已为这件作品投过票，明天再来支持吧').waitFor()
  await settle(li.page)
  await li.page.screenshot({ path: join(OUTPUT_DIR, 'selection-4-voted.png'), fullPage: true })

  await pressAt(li.page, work.getByText('查看排行榜', { exact: true }))
  const ranking = li.page.locator('.taro_page').last()
  const row = ranking.locator('.rank-row').filter({ hasText: TITLE })
  await row.getByText('1 票', { exact: true }).waitFor()
  expect(await row.locator('.rank-row__rank').textContent()).toBe('1')
  await settle(li.page)
  await li.page.screenshot({ path: join(OUTPUT_DIR, 'selection-5-ranking.png'), fullPage: true })
  await li.context.close()
})

test('a large photo is redrawn at most 1920 px long before it is uploaded (the browser does not compress as WeChat does)', async () => {
  const wang = await phoneAs(stage, 'resident-wang')
  await wang.page.goto(`${stage.app.url}/#/selection/submit/index?sel=${SEL}`)
  const form = wang.page.locator('.taro_page').last()
  await form.getByText('添加照片', { exact: true }).waitFor()
  const big = await drawJpeg(wang.page, '#2f7d5b', 3000, 2000)
  const uploads: number[] = []
  wang.page.on('request', (request) => {
    if (request.url().includes('/api/upload?')) uploads.push(request.postDataBuffer()?.length ?? 0)
  })
  const chooser = wang.page.waitForEvent('filechooser')
  await form.getByText('添加照片', { exact: true }).click()
  await (await chooser).setFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: big })
  // The thumb appears once the photo is redrawn (slow on a busy machine); only then is 上传中… worth waiting out.
  await form.locator('.image-picker__thumb').first().waitFor()
  await form.getByText('上传中…').waitFor({ state: 'detached' })
  await form.locator('input[placeholder="给照片起个名字"]').fill('E2E 大照片')
  await pressAt(wang.page, form.getByText('提交作品', { exact: true }))
  await wang.page.getByText('我知道了', { exact: true }).click()
  const mine = await callAs(stage, wang.context.request, 'selection', 'myWorks', { selectionId: SEL })
  const cover = mine.find((w) => w.title === 'E2E 大照片')?.coverUrl ?? ''
  const size = await wang.page.evaluate(async (url) => {
    const image = new Image()
    image.src = url
    await image.decode()
    return [image.naturalWidth, image.naturalHeight]
  }, cover)
  expect(size).toEqual([1920, 1280])
  expect(uploads).toHaveLength(1)
  expect(uploads[0]).toBeLessThan(big.length)
  await wang.context.close()
})
