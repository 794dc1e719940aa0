// The festival banner image in the weapp build: an organiser on 编辑内容 taps 选择图片 (WeChat's own
// privacy popup first: the organiser pages register no listener), picks a 6 MB PNG (refused in Chinese,
// nothing uploaded), then a PNG, which goes through a content upload ticket to cloud storage with
// wx.cloud.uploadFile and is previewed; after 保存草稿 the resident's home still has no banner image,
// after 发布 it shows the new one, whose temp URL serves the uploaded bytes.
import { R, url } from './routes'
import { docs, photo } from '../scene'
import { ROLES, useWeapp } from './setup'
import type { Weapp } from '../harness'

const { open, runtime } = useWeapp()

const MB = 1024 * 1024

/** The home's banner image: its src, or '' when the home shows the red banner alone. */
async function bannerSrc(): Promise<string> {
  const home = await open(url(R.home), { as: ROLES.resident })
  await home.waitForText('中国(重庆)2022妇幼健康公益文化节')
  return bannerOf(home)
}

function bannerOf(app: Weapp): string {
  const image = app.byClass('festival-banner__image')[0]
  return String(image?.attr.src ?? '')
}

test('an organiser chooses a banner image in WeChat; the resident\'s home shows it after 发布', async () => {
  expect(await bannerSrc()).toBe('')

  const app = await open(url(R.contentEdit, { kind: 'festival', festivalId: 'cq-2022', id: 'cq-2022' }), { as: ROLES.organiser })
  await app.waitForText('横幅图片')
  await app.waitForText('未选择图片')

  await app.tap('选择图片')
  await app.answer('privacy', true)
  expect((await app.prompt('chooseMedia')).detail).toEqual({ count: 1, mediaType: ['image'] })
  const huge = Buffer.concat([photo(300, 100), Buffer.alloc(6 * MB)])
  await app.answer('chooseMedia', [huge])
  await app.waitForText('这张图片有 6.0 MB，超过 5 MB，请压缩或换一张 5 MB 以内的 JPG、PNG 或 WEBP 图片')
  expect(app.calls.map((c) => c.action)).not.toContain('uploadTicket')
  expect(app.text()).toContain('未选择图片')

  const bytes = photo(300, 100, [200, 16, 46])
  await app.tap('选择图片')
  await app.answer('chooseMedia', [bytes])
  await app.waitForText('已选择图片')
  expect(app.text()).not.toContain('这张图片有 6.0 MB')
  expect(app.calls.filter((c) => c.action === 'uploadTicket')).toEqual([{ name: 'content', action: 'uploadTicket', ok: true }])
  const preview = app.byClass('image-field__preview')[0]
  expect(app.ui.files.get(String(preview?.attr.src))?.bytes).toEqual(bytes)
  const [ticket] = await docs<{ cloudPath: string }>(runtime(), 'contentUploads', {})
  expect(ticket?.cloudPath).toMatch(/^uploads\/content-[0-9a-f]{32}\.png$/)

  await app.tap('保存草稿')
  await app.waitForText('草稿已保存，居民仍看到已发布的内容；确认无误后请点「发布」')
  expect(await bannerSrc()).toBe('')

  await app.tap('发布')
  await app.waitForText('已发布，居民现在看到新内容（修改了 1 项）')
  const src = await bannerSrc()
  expect(new URL(src).pathname.endsWith(`/${ticket?.cloudPath}`)).toBe(true)
  const served = await fetch(src)
  expect(served.status).toBe(200)
  expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)
})
