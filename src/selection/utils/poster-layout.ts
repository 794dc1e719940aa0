// The poster's drawing, shared by the weapp (Canvas 2d) and h5 (DOM canvas) renderers: the selection's
// title on a red band, the cover image (cropped to fill), the work's title (two lines at most), 编号 and
// votes, and at the foot the mini-program code with 长按识别小程序码为TA投票. Only the 2D-context calls
// both platforms share are used.
import type { ShareCode } from '@/contract/selection-views'
import { workNumber } from './text'

export const POSTER_WIDTH = 750
export const POSTER_HEIGHT = 1180
/** The hidden weapp <Canvas type="2d"> the poster is drawn on (h5 draws on a canvas of its own). */
export const POSTER_CANVAS_ID = 'selection-poster-canvas'
export const POSTER_CALL_TO_ACTION = '长按识别小程序码为TA投票'
/** Where the mini-program code goes: a square in the white foot panel, right of the call to action. */
export const POSTER_CODE_BOX = { x: 460, y: 880, size: 230 } as const

export interface PosterImage {
  width: number
  height: number
}

/** The subset of CanvasRenderingContext2D the poster uses (the weapp Canvas 2d context has the same). */
export interface PosterContext {
  fillStyle: string | unknown
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  drawImage(image: unknown, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void
}

/** Breaks `text` into at most `max` lines of `width`; the last line ends with … when cut. */
export function wrapText(g: Pick<PosterContext, 'measureText'>, text: string, width: number, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of [...text]) {
    if (g.measureText(line + ch).width > width && line) {
      lines.push(line)
      line = ch
      if (lines.length === max) break
    } else line += ch
  }
  if (lines.length < max && line) return [...lines, line]
  const last = lines[max - 1] ?? ''
  let cut = last
  while (cut && g.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1)
  return [...lines.slice(0, max - 1), `${cut}…`]
}

function drawCover(g: PosterContext, image: PosterImage, x: number, y: number, w: number, h: number): void {
  const scale = Math.max(w / image.width, h / image.height)
  const sw = w / scale
  const sh = h / scale
  g.drawImage(image, (image.width - sw) / 2, (image.height - sh) / 2, sw, sh, x, y, w, h)
}

const FONT = '"PingFang SC", "Microsoft YaHei", sans-serif'

export function drawPoster(g: PosterContext, data: ShareCode, images: { cover: PosterImage | null; code: PosterImage }): void {
  g.fillStyle = '#fff7f0'
  g.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT)
  g.fillStyle = '#c8102e'
  g.fillRect(0, 0, POSTER_WIDTH, 110)
  g.fillStyle = '#ffffff'
  g.font = `bold 32px ${FONT}`
  g.textAlign = 'center'
  g.textBaseline = 'middle'
  g.fillText(wrapText(g, data.selectionTitle, 670, 1)[0] ?? '', POSTER_WIDTH / 2, 55)

  if (images.cover) drawCover(g, images.cover, 40, 140, 670, 500)
  else {
    g.fillStyle = '#fde8e6'
    g.fillRect(40, 140, 670, 500)
  }

  g.textAlign = 'left'
  g.textBaseline = 'top'
  g.fillStyle = '#2b1d16'
  g.font = `bold 42px ${FONT}`
  wrapText(g, data.title, 670, 2).forEach((line, i) => g.fillText(line, 40, 672 + i * 56))
  g.fillStyle = '#6b4f3f'
  g.font = `30px ${FONT}`
  g.fillText(`编号 ${workNumber(data.number)}\u3000已获 ${data.votes} 票`, 40, 792)

  g.fillStyle = '#ffffff'
  g.fillRect(40, 860, 670, 280)
  const box = POSTER_CODE_BOX
  g.drawImage(images.code, 0, 0, images.code.width, images.code.height, box.x, box.y, box.size, box.size)
  g.fillStyle = '#c8102e'
  g.font = `bold 30px ${FONT}`
  wrapText(g, POSTER_CALL_TO_ACTION, 390, 2).forEach((line, i) => g.fillText(line, 64, 930 + i * 44))
  g.fillStyle = '#6b4f3f'
  g.font = `24px ${FONT}`
  g.fillText('妇幼健康公益文化节', 64, 1060)
}
