// Poster in WeChat: drawn on the page's hidden <Canvas type="2d" id={POSTER_CANVAS_ID}> (found with
// Taro.createSelectorQuery), exported with Taro.canvasToTempFilePath, and saved to the album with
// saveImageToPhotosAlbum. When the user has refused album access, a modal explains it and opens the
// settings page, where it can be allowed.
import Taro from '@tarojs/taro'
import type { ShareCode } from '@/contract/selection-views'
import { POSTER_CANVAS_ID, POSTER_HEIGHT, POSTER_WIDTH, drawPoster, type PosterContext, type PosterImage } from './poster-layout'

export const SAVE_HINT = '保存后可在相册中找到海报，分享到朋友圈'
export const SAVE_LABEL = '保存到相册'

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
  createImage(): PosterImage & { src: string; onload: () => void; onerror: (e: unknown) => void }
}

function canvasNode(): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery().select(`#${POSTER_CANVAS_ID}`).fields({ node: true, size: true }).exec((res: Array<{ node?: CanvasNode } | null>) => {
      const node = res[0]?.node
      if (node) resolve(node)
      else reject(new Error('poster canvas not found'))
    })
  })
}

async function loadImage(canvas: CanvasNode, url: string): Promise<PosterImage> {
  const { path } = await Taro.getImageInfo({ src: url })
  return new Promise((resolve, reject) => {
    const image = canvas.createImage()
    image.onload = () => resolve(image)
    image.onerror = reject
    image.src = path
  })
}

/** Draws the poster and answers its image (a temp file path). */
export async function renderPoster(data: ShareCode): Promise<string> {
  const canvas = await canvasNode()
  canvas.width = POSTER_WIDTH
  canvas.height = POSTER_HEIGHT
  const [cover, code] = await Promise.all([
    data.coverUrl ? loadImage(canvas, data.coverUrl).catch(() => null) : Promise.resolve(null),
    loadImage(canvas, data.codeUrl),
  ])
  drawPoster(canvas.getContext('2d') as PosterContext, data, { cover, code })
  const file = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.canvasToTempFilePath.Option['canvas'], fileType: 'png' })
  return file.tempFilePath
}

export type SaveOutcome = 'saved' | 'cancelled'

const denied = (error: unknown) => /auth|deny|denied|authorize/i.test(String((error as { errMsg?: string })?.errMsg ?? error))

export async function savePoster(src: string, _name: string): Promise<SaveOutcome> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: src })
    return 'saved'
  } catch (error) {
    if (!denied(error)) {
      if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return 'cancelled'
      throw error
    }
    const { confirm } = await Taro.showModal({
      title: '需要相册权限',
      content: '保存海报需要允许小程序「保存到相册」。请在设置中打开「添加到相册」后，再点一次保存到相册。',
      confirmText: '去设置',
      cancelText: '暂不',
    })
    if (confirm) await Taro.openSetting()
    return 'cancelled'
  }
}
