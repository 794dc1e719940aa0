// Poster on the local runtime (h5): drawn on a DOM canvas (images fetched with CORS so the canvas can be
// exported) and shown as a PNG data URL; saving offers the file as a download, and on a phone the page
// says 长按保存图片.
import type { ShareCode } from '@/contract/selection-views'
import { POSTER_HEIGHT, POSTER_WIDTH, drawPoster, type PosterContext } from './poster-layout'

export const SAVE_HINT = '长按保存图片'
export const SAVE_LABEL = '下载图片'

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.crossOrigin = 'anonymous'
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error(`image failed: ${src}`))
    image.src = src
  })
}

/** Draws the poster and answers its image (a data URL). */
export async function renderPoster(data: ShareCode): Promise<string> {
  const [cover, code] = await Promise.all([data.coverUrl ? loadImage(data.coverUrl).catch(() => null) : null, loadImage(data.codeUrl)])
  const canvas = document.createElement('canvas')
  canvas.width = POSTER_WIDTH
  canvas.height = POSTER_HEIGHT
  const g = canvas.getContext('2d')
  if (!g) throw new Error('no 2d context')
  drawPoster(g as unknown as PosterContext, data, { cover, code })
  return canvas.toDataURL('image/png')
}

export type SaveOutcome = 'saved' | 'cancelled'

export async function savePoster(src: string, name: string): Promise<SaveOutcome> {
  const link = document.createElement('a')
  link.href = src
  link.download = `${name}.png`
  document.body.appendChild(link)
  link.click()
  link.remove()
  return 'saved'
}
