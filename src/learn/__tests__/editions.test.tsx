// 往届回顾: the published editions newest first; opening one lists its sub-venues (festival.venues of that
// edition), which link to their pages.
import { fireEvent, render, screen } from '@testing-library/react'
import { ok } from '@/contract'
import EditionsPage from '../editions/index'
import { callMock, stubTaro } from '@/pages/__tests__/helpers'
import { route, venuesAnswer } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

test('editions newest first; one opens onto its sub-venues', async () => {
  const taro = stubTaro()
  route({
    'festival.editions': () => ok([
      { _id: 'cq-2023', name: '中国(重庆)2023妇幼健康公益文化节', year: 2023, startDate: '2023-04-29', endDate: '2023-12-31', published: true },
      { _id: 'cq-2022', name: '中国(重庆)2022妇幼健康公益文化节', year: 2022, startDate: '2022-04-29', endDate: '2022-12-31', published: true },
    ]),
    'festival.venues': () => venuesAnswer,
  })
  render(<EditionsPage />)
  const names = await screen.findAllByText(/妇幼健康公益文化节$/)
  expect(names.map((n) => n.textContent)).toEqual(['中国(重庆)2023妇幼健康公益文化节', '中国(重庆)2022妇幼健康公益文化节'])
  fireEvent.click(names[1] as HTMLElement)
  fireEvent.click(await screen.findByText('巴南分会场'))
  expect(callMock).toHaveBeenCalledWith('festival', 'venues', { festivalId: 'cq-2022' })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/venue/index?id=banan' })
})
