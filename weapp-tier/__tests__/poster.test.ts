// The poster in the weapp build: 生成海报 on a published work draws on the page's hidden Canvas 2d
// (recorded draw calls: the selection's title, the work's title, 编号 and votes, the mini-program code
// where poster-layout.ts puts it, the call to action), then 保存到相册 — refused album permission leads
// to 去设置 (the settings page, where the resident turns the album on), after which the save goes through.
import { POSTER_CALL_TO_ACTION, POSTER_CODE_BOX, POSTER_HEIGHT, POSTER_WIDTH } from '@/selection/utils/poster-layout'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { imageSize } from '../ui'
import { R, PHOTO, url } from './routes'
import { call, photo, publishedPhoto } from '../scene'
import { ROLES, useWeapp } from './setup'

const { open, runtime } = useWeapp()

/** What a PNG QR code says, or null when it is not one. */
function qrText(bytes: Buffer): string | null {
  try {
    const png = PNG.sync.read(bytes)
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
  } catch {
    return null
  }
}

test('生成海报 draws title, number, votes and the code in place; 保存到相册 denied → 去设置 → granted → saved', async () => {
  const { workId, number } = await publishedPhoto(runtime(), 'weapp-tier-poster-author', PHOTO, '外婆教我包汤圆')
  await call(runtime(), 'weapp-tier-poster-fan', 'vote', { selectionId: PHOTO, workId, requestId: 'weapp-tier-poster-fan-1' })
  const numberText = `${String(number).padStart(3, '0')} 号`
  /** The work's scene (share-code.ts: `<selection>.<number>` when that fits WeChat's 32 characters). */
  const scene = `${PHOTO}.${number}`

  const app = await open(url(R.work, { id: workId }), { as: ROLES.resident })
  await app.waitForText('外婆教我包汤圆')
  await app.tap('生成海报')
  expect(app.calls.filter((c) => c.action === 'shareCode')).toEqual([{ name: 'selection', action: 'shareCode', ok: true }])
  await app.waitForText('保存到相册')

  const canvas = app.canvases.get('selection-poster-canvas')
  if (!canvas) throw new Error('海报没有画在 selection-poster-canvas 上')
  expect([canvas.width, canvas.height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT])
  const texts = canvas.texts()
  expect(texts[0]).toBe('「幸福亲子照」有奖征集点赞')
  expect(texts).toContain('外婆教我包汤圆')
  expect(texts).toContain(`编号 ${numberText}\u3000已获 1 票`)
  expect(texts.join('')).toContain(POSTER_CALL_TO_ACTION)

  const images = canvas.calls.filter((c) => c.op === 'drawImage')
  expect(images).toHaveLength(2)
  const drawn = images.map((c) => ({ call: c, bytes: app.ui.files.get(String((c.args[0] as { src?: string }).src))?.bytes }))
  const code = drawn.find((d) => d.bytes && qrText(d.bytes))
  expect(qrText(code?.bytes ?? Buffer.alloc(0))).toBe(`https://weapp-tier.local/#/${R.work}?scene=${encodeURIComponent(scene)}`)
  expect(code?.call.args.slice(5)).toEqual([POSTER_CODE_BOX.x, POSTER_CODE_BOX.y, POSTER_CODE_BOX.size, POSTER_CODE_BOX.size])
  const cover = drawn.find((d) => d !== code)
  expect(cover?.call.args.slice(5)).toEqual([40, 140, 670, 500])
  expect(cover?.bytes).toEqual(photo())

  const poster = app.byTag('image').find((n) => String(n.attr.class ?? '').includes('poster-sheet__image'))
  const posterPath = String(poster?.attr.src ?? '')
  expect(imageSize(app.ui.files.get(posterPath)?.bytes ?? Buffer.alloc(0))).toMatchObject({ width: POSTER_WIDTH, height: POSTER_HEIGHT })

  await app.tap('保存到相册')
  expect((await app.prompt('authorize')).detail).toEqual({ scope: 'scope.writePhotosAlbum' })
  await app.answer('authorize', false)
  expect((await app.prompt('showModal')).detail).toMatchObject({ title: '需要相册权限', confirmText: '去设置', cancelText: '暂不' })
  await app.answer('showModal', false)
  expect(app.ui.opened.map((o) => o.what)).not.toContain('setting')

  await app.tap('保存到相册')
  expect(app.ui.prompts.map((p) => p.kind)).toEqual(['showModal'])
  await app.answer('showModal', true)
  expect((await app.prompt('openSetting')).detail).toEqual({ authSetting: { 'scope.writePhotosAlbum': false } })
  await app.answer('openSetting', { 'scope.writePhotosAlbum': true })
  expect(app.ui.opened.filter((o) => o.what === 'album')).toEqual([])
  expect(app.ui.toasts).not.toContain('已保存到相册')

  await app.tap('保存到相册')
  expect(app.ui.prompts).toEqual([])
  expect(app.ui.opened.filter((o) => o.what === 'album')).toEqual([{ what: 'album', detail: { filePath: posterPath } }])
  expect(app.ui.toasts).toContain('已保存到相册')

})
