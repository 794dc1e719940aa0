// The festival banner image, in the browser against the running local app: an organiser first picks a
// file that is not an image (told so in Chinese), then a PNG, which is uploaded through a content upload
// ticket and previewed; after 发布 the resident's home shows it above the red banner.
import { join } from 'node:path'
import { PNG } from 'pngjs'
import type { Locator } from 'playwright-core'
import { OUTPUT_DIR, phoneAs, pressAt, settle, useStage } from './stage'

const stage = useStage('banner')

const field = (scope: Locator, label: string) => scope.locator('.form-field').filter({ has: scope.page().getByText(label, { exact: true }) })

function bannerPng(): Buffer {
  const png = new PNG({ width: 300, height: 100 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([0xc8, 0x10, 0x2e, 0xff], i)
  return PNG.sync.write(png)
}

test('an organiser picks a banner image and publishes it; the resident\'s home shows it', async () => {
  const organiser = await phoneAs(stage, 'organiser')
  const resident = await phoneAs(stage, 'resident-wang')
  const { page } = organiser

  await resident.page.goto(`${stage.app.url}/#/pages/index/index`)
  await resident.page.locator('.festival-banner').first().waitFor()
  expect(await resident.page.locator('.festival-banner__image').count()).toBe(0)

  await page.goto(`${stage.app.url}/#/organiser/edit/index?kind=festival&festivalId=cq-2022&id=cq-2022`)
  const editor = page.locator('.taro_page').last()
  await editor.getByText('文化节 · 已发布').waitFor()
  const banner = field(editor, '横幅图片')
  let chooser = page.waitForEvent('filechooser')
  await pressAt(page, banner.getByText('选择图片', { exact: true }))
  await (await chooser).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') })
  await banner.getByText('只能上传 JPG、PNG、WEBP 格式的图片，请换一张').waitFor()

  chooser = page.waitForEvent('filechooser')
  await pressAt(page, banner.getByText('选择图片', { exact: true }))
  await (await chooser).setFiles({ name: 'banner.png', mimeType: 'image/png', buffer: bannerPng() })
  await banner.getByText('已选择图片').waitFor()
  expect(await banner.locator('.image-field__preview img').count()).toBe(1)

  await pressAt(page, editor.getByText('发布', { exact: true }))
  await editor.getByText(/^已发布，居民现在看到新内容（修改了 1 项）$/).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'banner-1-organiser.png'), fullPage: true })

  await resident.page.reload()
  const image = resident.page.locator('.festival-banner__image img')
  await image.waitFor()
  await resident.page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.festival-banner__image img')
    return Boolean(img && img.complete && img.naturalWidth === 300)
  })
  await resident.page.locator('.festival-banner').getByText('中国(重庆)2022妇幼健康公益文化节').waitFor()
  await settle(resident.page)
  await resident.page.screenshot({ path: join(OUTPUT_DIR, 'banner-2-home.png') })
})
