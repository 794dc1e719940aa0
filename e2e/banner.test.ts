// The festival banner image, in the browser against the running local app. The festival already has a
// published banner (a red JPEG). An organiser opens the festival editor and picks a file that is not an
// image, then a PNG over 5 MB (each refused in Chinese, saying what to pick, the field unchanged), then a
// real PNG, which is uploaded through a content upload ticket and previewed; a second non-image leaves
// that image in place. 保存草稿 keeps the old banner on the resident's home; after 发布 the home shows the
// new one, loaded with 200 from the gateway's signed file URL.
import { join } from 'node:path'
import { PNG } from 'pngjs'
import type { Locator, Page } from 'playwright-core'
import { CONTENT_IMAGE_BYTES_MAX } from '../src/contract/content'
import { callAs, drawJpeg, field, OUTPUT_DIR, phoneAs, pressAt, settle, useStage, type Phone } from './stage'

const stage = useStage('banner')

/** An Android phone's browser: Taro's h5 chooseMedia asks 拍摄/从相册选择 first on a mobile user agent. */
const ANDROID = 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'

/** A real PNG, width × height of one colour; `padTo` appends bytes after IEND so the file is that large. */
function solidPng(width: number, height: number, rgba: [number, number, number, number], padTo = 0): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i)
  const bytes = PNG.sync.write(png)
  return padTo > bytes.length ? Buffer.concat([bytes, Buffer.alloc(padTo - bytes.length)]) : bytes
}

/** Publishes a banner image for cq-2022 as the organiser, through the same ticket and calls as the app. */
async function publishBanner(organiser: Phone, bytes: Buffer): Promise<void> {
  const request = organiser.context.request
  const ticket = await callAs(stage, request, 'content', 'uploadTicket', { ext: 'jpg', size: bytes.length })
  const res = await request.post(`${stage.app.url}/api/upload?ticket=${ticket.ticket}`, { headers: { 'content-type': 'image/jpeg' }, data: bytes })
  const { fileID } = ((await res.json()) as { data: { fileID: string } }).data
  const editable = await callAs(stage, request, 'content', 'editable', { kind: 'festival', id: 'cq-2022' })
  const data = { ...(editable.draft ?? editable.live), bannerFileId: fileID }
  await callAs(stage, request, 'content', 'saveDraft', { kind: 'festival', festivalId: 'cq-2022', id: 'cq-2022', data } as never)
  await callAs(stage, request, 'content', 'publish', { kind: 'festival', id: 'cq-2022' })
}

/** The banner <img> on the home once it has loaded: its file (the signed URL's path) and natural width. */
async function homeBanner(page: Page): Promise<{ file: string; width: number }> {
  await page.reload()
  await page.locator('.festival-banner__image img').waitFor()
  const handle = await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.festival-banner__image img')
    return img && img.complete && img.naturalWidth > 0 ? { src: img.currentSrc, width: img.naturalWidth } : null
  })
  const { src, width } = (await handle.jsonValue()) as { src: string; width: number }
  return { file: new URL(src).pathname, width }
}

async function choose(page: Page, banner: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await pressAt(page, banner.locator('.action-button').first())
  await (await chooser).setFiles(file)
}

test('an organiser picks a banner image, saves it as a draft and publishes it; the resident\'s home shows it only after 发布', async () => {
  const organiser = await phoneAs(stage, 'organiser', { userAgent: ANDROID })
  const resident = await phoneAs(stage, 'resident-wang')
  const { page } = organiser
  await page.goto(`${stage.app.url}/#/pages/index/index`)
  await publishBanner(organiser, await drawJpeg(page, '#1f6f3a', 400, 120))

  await resident.page.goto(`${stage.app.url}/#/pages/index/index`)
  const old = await homeBanner(resident.page)
  expect(old.width).toBe(400)

  await page.goto(`${stage.app.url}/#/organiser/edit/index?kind=festival&festivalId=cq-2022&id=cq-2022`)
  const editor = page.locator('.taro_page').last()
  await editor.getByText('文化节 · 已发布').waitFor()
  const banner = field(editor, '横幅图片')
  await banner.getByText(/^已选择：cloud:\/\//).waitFor()
  const alert = banner.getByRole('alert')

  await choose(page, banner, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') })
  await alert.getByText('“notes.txt” 不是图片，请选择 JPG、PNG 或 WEBP 格式的图片').waitFor()
  const tooLarge = solidPng(300, 100, [0xc8, 0x10, 0x2e, 0xff], CONTENT_IMAGE_BYTES_MAX + 1024 * 1024)
  await choose(page, banner, { name: 'huge.png', mimeType: 'image/png', buffer: tooLarge })
  await alert.getByText(/^“huge\.png” 有 6\.0 MB，超过 5 MB，请压缩或换一张 5 MB 以内的 JPG、PNG 或 WEBP 图片$/).waitFor()
  expect(await editor.getByText('有未发布的修改').count()).toBe(0)

  await choose(page, banner, { name: 'banner.png', mimeType: 'image/png', buffer: solidPng(300, 100, [0xc8, 0x10, 0x2e, 0xff]) })
  await banner.getByText('已选择图片').waitFor()
  expect(await alert.count()).toBe(0)
  const preview = banner.locator('.image-field__preview img')
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.image-field__preview img')
    return Boolean(img && img.complete && img.naturalWidth === 300)
  })
  const previewSrc = await preview.getAttribute('src')

  await choose(page, banner, { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') })
  await alert.getByText('“report.pdf” 不是图片，请选择 JPG、PNG 或 WEBP 格式的图片').waitFor()
  expect(await preview.getAttribute('src')).toBe(previewSrc)
  await banner.getByText('已选择图片').waitFor()

  await pressAt(page, editor.getByText('保存草稿', { exact: true }))
  await editor.getByText('草稿已保存，居民仍看到已发布的内容；确认无误后请点「发布」').waitFor()
  expect(await homeBanner(resident.page)).toEqual(old)

  await pressAt(page, editor.getByText('发布', { exact: true }))
  await editor.getByText(/^已发布，居民现在看到新内容（修改了 1 项）$/).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'banner-1-organiser.png'), fullPage: true })

  const served = resident.page.waitForResponse((r) => r.url().includes('/files/') && r.request().resourceType() === 'image')
  const shown = await homeBanner(resident.page)
  const response = await served
  expect(shown.width).toBe(300)
  expect(shown.file).toMatch(/^\/files\/[^/]+\/uploads\/content-[0-9a-f]{32}\.png$/)
  expect(shown.file).not.toBe(old.file)
  const url = new URL(response.url())
  expect(url.origin).toBe(stage.app.url)
  expect(url.pathname).toBe(shown.file)
  expect(url.searchParams.get('sign')).toBeTruthy()
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/png')
  await resident.page.locator('.festival-banner').getByText('中国(重庆)2022妇幼健康公益文化节').waitFor()
  await settle(resident.page)
  await resident.page.screenshot({ path: join(OUTPUT_DIR, 'banner-2-home.png') })
})
