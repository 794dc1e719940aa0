// Posters: a scanned code's scene opens the work; 生成海报 asks for the work's code and shows the drawn
// poster with 长按保存图片; a refusal is shown; the drawing puts the title, 编号, votes, the selection's
// title, the code and 长按识别小程序码为TA投票 on the poster.
import { fireEvent, render, screen } from '@testing-library/react'
import { fail, ok } from '@/contract'
import type { ShareCode } from '@/contract/selection-views'
import SelectionWorkPage from '../work/index'
import { drawPoster, type PosterContext } from '../utils/poster-layout'
import { renderPoster } from '../utils/poster-canvas'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { detail, route } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('../utils/poster-canvas', () => ({
  SAVE_HINT: '长按保存图片',
  SAVE_LABEL: '下载图片',
  renderPoster: jest.fn(async (data: { number: number }) => `data:image/png;base64,poster-${data.number}`),
  savePoster: jest.fn(async () => 'saved'),
}))

const code: ShareCode = {
  workId: 'w7', scene: 'cq-2022-photo.7', codeUrl: 'https://tmp.example/code.png', title: '外婆的生日', number: 7, votes: 12,
  coverUrl: 'https://tmp.example/w7.jpg', selectionTitle: '「幸福亲子照」有奖征集点赞',
}

beforeEach(() => stubTaro())

test('the page opens by a scanned scene and 生成海报 shows the poster to long-press', async () => {
  setRouterParams({ scene: encodeURIComponent('cq-2022-photo.7') })
  route({ 'selection.work': () => ok(detail(12, 5)), 'selection.shareCode': () => ok(code) })
  render(<SelectionWorkPage />)
  expect(await screen.findByText('外婆的生日')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('selection', 'work', { scene: 'cq-2022-photo.7' })
  fireEvent.click(screen.getByText('生成海报'))
  expect(await screen.findByText('长按保存图片')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('selection', 'shareCode', { workId: 'w7' })
  expect(renderPoster).toHaveBeenCalledWith(code)
  expect(document.querySelector('.poster-sheet__image')).not.toBeNull()
  fireEvent.click(screen.getByText('关闭'))
  expect(document.querySelector('.poster-sheet__image')).toBeNull()
})

test('a refused code is explained and nothing is drawn', async () => {
  setRouterParams({ id: 'w7' })
  route({ 'selection.work': () => ok(detail(12, 5)), 'selection.shareCode': () => fail('NOT_FOUND', '只有审核通过、已公开展示的作品才能生成海报；请稍后再试或返回作品列表') })
  render(<SelectionWorkPage />)
  fireEvent.click(await screen.findByText('生成海报'))
  expect(await screen.findByText('只有审核通过、已公开展示的作品才能生成海报；请稍后再试或返回作品列表')).toBeTruthy()
  expect(document.querySelector('.poster-sheet__image')).toBeNull()
})

test('the drawing has the selection, title, 编号, votes, the code and the call to action', () => {
  const texts: string[] = []
  const images: unknown[] = []
  const g: PosterContext = {
    fillStyle: '', font: '', textAlign: '', textBaseline: '',
    fillRect: () => undefined,
    fillText: (text) => { texts.push(text) },
    measureText: (text) => ({ width: text.length * 30 }),
    drawImage: (image) => { images.push(image) },
  }
  const cover = { width: 1200, height: 800 }
  const qr = { width: 430, height: 430 }
  drawPoster(g, code, { cover, code: qr })
  expect(texts).toEqual(expect.arrayContaining(['「幸福亲子照」有奖征集点赞', '外婆的生日', '编号 007 号　已获 12 票', '长按识别小程序码为TA投票']))
  expect(images).toEqual([cover, qr])
})
