// 作品审核 of typical cases: 标记已实地考察 with an optional note sends markInspected and shows 已考察 with
// the note; a case inspected earlier shows its time, who marked it and the note; photos have no such step.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ok } from '@/contract'
import SelectionReviewPage from '../review/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { pendingItem, photoSelection, route, typeInto } from './fixtures'
import { casesSelection, pendingCase } from './organiser-fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

beforeEach(() => {
  stubTaro()
})

const inspectCalls = () => callMock.mock.calls.filter(([, action]) => action === 'markInspected').map(([, , input]) => input)

test('a case is marked 已实地考察 with a note and shows it', async () => {
  setRouterParams({ sel: 'cq-2022-cases' })
  const visited = { ...pendingCase, _id: 'c-pending-2', title: '妇幼特色科室', inspected: { at: '2022-06-20T15:30:00.000+08:00', by: '组委会 赵老师', note: '到院核实科室建设' } }
  route({
    'selection.selections': () => ok([casesSelection]),
    'selection.reviewQueue': () => ok({ items: [pendingCase, visited], nextCursor: null }),
    'selection.markInspected': () => ok({ auditId: 'a9' }),
  })
  render(<SelectionReviewPage />)
  expect(await screen.findByText('6月20日 15:30 · 组委会 赵老师')).toBeTruthy()
  expect(screen.getByText('考察记录：到院核实科室建设')).toBeTruthy()
  expect(screen.getAllByText('标记已实地考察')).toHaveLength(1)
  fireEvent.click(screen.getByText('标记已实地考察'))
  await typeInto('考察记录（选填），如 考察组 3 人到院核实', '考察组 3 人到院核实档案')
  fireEvent.click(screen.getByText('确认已考察'))
  await waitFor(() => expect(inspectCalls()).toEqual([{ workId: 'c-pending-1', note: '考察组 3 人到院核实档案' }]))
  expect(await screen.findByText('考察记录：考察组 3 人到院核实档案')).toBeTruthy()
  expect(screen.getAllByText('已考察')).toHaveLength(2)
  expect(screen.queryByText('标记已实地考察')).toBeNull()
})

test('photo works have no inspection step', async () => {
  setRouterParams({ sel: 'cq-2022-photo' })
  route({ 'selection.selections': () => ok([photoSelection]), 'selection.reviewQueue': () => ok({ items: [pendingItem], nextCursor: null }) })
  render(<SelectionReviewPage />)
  expect(await screen.findByText('第一次游泳')).toBeTruthy()
  expect(screen.queryByText('标记已实地考察')).toBeNull()
})
