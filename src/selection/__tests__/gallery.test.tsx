// 作品展示: the selection's windows and rule, works with number and votes, 加载更多 with the cursor,
// the order switch, search, a work opening its page, and for the typical cases 申报案例 (not 上传作品)
// and the category chips.
import { fireEvent, render, screen } from '@testing-library/react'
import { ok } from '@/contract'
import SelectionGalleryPage from '../gallery/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { card, caseSelection, photoSelection, route, typeInto } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
  setRouterParams({ sel: 'cq-2022-photo' })
})

const galleryCalls = () => callMock.mock.calls.filter(([, action]) => action === 'gallery').map(([, , input]) => input)

function routeGallery() {
  route({
    'selection.selections': () => ok([photoSelection]),
    'selection.gallery': (input) => {
      const { cursor, q } = input as { cursor?: string; q?: string }
      if (q) return ok({ items: [card(7, '外婆的生日', 3)], nextCursor: null })
      return ok(cursor === 'n:2' ? { items: [card(1, '全家福', 1)], nextCursor: null } : { items: [card(3, '第一次游泳', 12), card(2, '爸爸的肩膀', 5)], nextCursor: 'n:2' })
    },
  })
}

test('shows the windows, the rule and the works, then loads the next page with the cursor', async () => {
  routeGallery()
  render(<SelectionGalleryPage />)
  expect(await screen.findByText('第一次游泳')).toBeTruthy()
  expect(screen.getByText('投票时间：6月10日 至 7月20日')).toBeTruthy()
  expect(screen.getByText('每人每天可投 5 票，每件作品每天 1 票')).toBeTruthy()
  expect(screen.getByText('003 号')).toBeTruthy()
  expect(screen.getByText('❤ 12 票')).toBeTruthy()
  fireEvent.click(screen.getByText('加载更多'))
  expect(await screen.findByText('全家福')).toBeTruthy()
  expect(screen.getByText('爸爸的肩膀')).toBeTruthy()
  expect(screen.getByText('已经到底了')).toBeTruthy()
  expect(galleryCalls()).toEqual([
    { selectionId: 'cq-2022-photo', order: 'latest' },
    { selectionId: 'cq-2022-photo', order: 'latest', cursor: 'n:2' },
  ])
})

test('orders by votes, searches by number or title, and opens a work', async () => {
  routeGallery()
  render(<SelectionGalleryPage />)
  await screen.findByText('第一次游泳')
  fireEvent.click(screen.getByText('票数最多'))
  await screen.findByText('✓ 票数最多')
  await typeInto('输入编号或标题', ' 7 ')
  fireEvent.click(screen.getByText('搜索'))
  fireEvent.click(await screen.findByText('外婆的生日'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/selection/work/index?id=w7' })
  expect(galleryCalls()).toEqual([
    { selectionId: 'cq-2022-photo', order: 'latest' },
    { selectionId: 'cq-2022-photo', order: 'votes' },
    { selectionId: 'cq-2022-photo', order: 'votes', q: '7' },
  ])
})

test('opens by kind from the home strands', async () => {
  setRouterParams({ kind: 'photo' })
  routeGallery()
  render(<SelectionGalleryPage />)
  expect(await screen.findByText('「幸福亲子照」有奖征集点赞')).toBeTruthy()
  fireEvent.click(screen.getByText('上传作品'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/selection/submit/index?sel=cq-2022-photo' })
})

test('the typical-case selection offers 申报案例, which opens the application form', async () => {
  setRouterParams({ sel: 'cq-2022-cases' })
  route({ 'selection.selections': () => ok([caseSelection]), 'selection.gallery': () => ok({ items: [], nextCursor: null }) })
  render(<SelectionGalleryPage />)
  fireEvent.click(await screen.findByText('申报案例'))
  expect(taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/selection/submit/index?sel=cq-2022-cases' }))
})

test('typical cases can be narrowed to one category, and back to all', async () => {
  setRouterParams({ sel: 'cq-2022-cases' })
  route({ 'selection.selections': () => ok([caseSelection]), 'selection.gallery': () => ok({ items: [card(4, '三十年守护', 2)], nextCursor: null }) })
  render(<SelectionGalleryPage />)
  await screen.findByText('三十年守护')
  fireEvent.click(screen.getByText('妇幼好医生'))
  await screen.findByText('✓ 妇幼好医生')
  fireEvent.click(screen.getByText('全部类别'))
  await screen.findByText('✓ 全部类别')
  expect(galleryCalls()).toEqual([
    { selectionId: 'cq-2022-cases', order: 'latest' },
    { selectionId: 'cq-2022-cases', order: 'latest', category: 'doctor' },
    { selectionId: 'cq-2022-cases', order: 'latest' },
  ])
})
