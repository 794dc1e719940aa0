// Home strands: the live photo, video and typical-case tiles open the gallery of their kind.
import { fireEvent, render, screen } from '@testing-library/react'
import { StrandGrid } from '@/components/strand-grid'
import { stubTaro } from '@/pages/__tests__/helpers'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

test('each selection tile opens its gallery', () => {
  const taro = stubTaro()
  render(<StrandGrid strands={[
    { key: 'photo', title: '幸福亲子照', summary: '有奖征集点赞', live: true },
    { key: 'video', title: '1分钟说孕产健康', summary: '短视频有奖征集', live: true },
    { key: 'cases', title: '典型案例', summary: '征集评选', live: true },
  ]} />)
  fireEvent.click(screen.getByText('幸福亲子照'))
  fireEvent.click(screen.getByText('1分钟说孕产健康'))
  fireEvent.click(screen.getByText('典型案例'))
  expect(taro.navigateTo.mock.calls.map(([arg]) => arg)).toEqual([
    { url: '/selection/gallery/index?kind=photo' },
    { url: '/selection/gallery/index?kind=video' },
    { url: '/selection/gallery/index?kind=cases' },
  ])
  expect(screen.queryByText('敬请期待')).toBeNull()
})
