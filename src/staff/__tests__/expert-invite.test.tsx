// Expert invites in the app: the organiser must choose the case categories the expert will score; the
// invite is created with them (expertScope) and the list shows them.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ok, type InviteView } from '@/contract'
import { DEFAULT_CASE_CATEGORIES } from '@/contract/selection'
import InvitesPage from '../invites/index'
import { callMock, stubTaro } from '@/pages/__tests__/helpers'
import { chip, route, venuesAnswer } from '../../clinic/__tests__/fixtures'
import { photoSelection } from '../../selection/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

beforeEach(() => stubTaro())

const casesSelection = { ...photoSelection, _id: 'cq-2022-cases', kind: 'cases' as const, title: '典型案例征集评选', categories: DEFAULT_CASE_CATEGORIES }

test('an expert invite needs categories; they are sent and listed', async () => {
  const listed: InviteView[] = []
  route({
    'festival.venues': () => venuesAnswer,
    'selection.selections': () => ok([photoSelection, casesSelection]),
    'account.listInvites': () => ok([...listed]),
    'account.createInvite': (input) => {
      const made: InviteView = {
        code: 'EXP3RT2345', role: 'expert', uses: 1, used: 0, expiresAt: '2099-01-07T23:59:59+08:00', createdAt: '2099-01-01T10:00:00+08:00',
        createdBy: '组委会 赵老师', revoked: false, expertScope: (input as { expertScope: InviteView['expertScope'] }).expertScope,
      }
      listed.push(made)
      return ok(made)
    },
  })
  render(<InvitesPage />)
  fireEvent.click(await screen.findByText('评审专家'))
  fireEvent.click(await screen.findByText('生成邀请码'))
  expect(await screen.findByText('请至少选择一个评审类别')).toBeTruthy()
  expect(callMock.mock.calls.filter(([, action]) => action === 'createInvite')).toHaveLength(0)
  fireEvent.click(chip('妇幼好医生'))
  fireEvent.click(chip('优秀助产士'))
  fireEvent.click(screen.getByText('生成邀请码'))
  await waitFor(() => expect(callMock.mock.calls.filter(([, action]) => action === 'createInvite').map(([, , input]) => input)).toEqual([
    { role: 'expert', expertScope: { selectionId: 'cq-2022-cases', categories: ['doctor', 'midwife'] }, uses: 1, validDays: 7 },
  ]))
  expect(await screen.findByText('评审类别：妇幼好医生、优秀助产士')).toBeTruthy()
})
