// Invite codes in the app: an organiser creates a staff invite for a venue and sees the code; a new
// staff member redeems it; server field issues and refusals are shown in Chinese.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail, ok, type InviteView } from '@/contract'
import InvitesPage from '../invites/index'
import RedeemPage from '../redeem/index'
import { callMock, stubTaro } from '@/pages/__tests__/helpers'
import { chip, route, typeInto, venuesAnswer } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

beforeEach(() => stubTaro())

const invite: InviteView = {
  code: '7K3M9Q2HXP', role: 'staff', venueId: 'banan', uses: 1, used: 0, expiresAt: '2099-01-07T23:59:59+08:00',
  createdAt: '2099-01-01T10:00:00+08:00', createdBy: '组委会 赵老师', revoked: false,
}

test('an organiser creates an invite for 巴南分会场 staff and sees the code to pass on', async () => {
  const listed: InviteView[] = []
  route({
    'festival.venues': () => venuesAnswer,
    'account.listInvites': () => ok([...listed]),
    'account.createInvite': (input) => {
      if (!(input as { venueId?: string }).venueId) {
        return fail('INVALID_INPUT', '提交的内容有误', [{ path: 'venueId', message: '邀请分会场工作人员时请选择分会场' }])
      }
      listed.push(invite)
      return ok(invite)
    },
  })
  render(<InvitesPage />)
  expect(await screen.findByText('还没有邀请码。')).toBeTruthy()
  fireEvent.click(screen.getByText('生成邀请码'))
  expect(await screen.findByText('邀请分会场工作人员时请选择分会场')).toBeTruthy()
  fireEvent.click(chip(String(venuesAnswer.data[0]?.name)))
  fireEvent.click(screen.getByText('生成邀请码'))
  expect(await screen.findByText('新邀请码（请转告对方在「我的 → 绑定工作身份」中输入）')).toBeTruthy()
  await waitFor(() => expect(screen.getAllByText('7K3M9Q2HXP')).toHaveLength(2))
  const creates = callMock.mock.calls.filter(([, action]) => action === 'createInvite').map(([, , input]) => input)
  expect(creates.at(-1)).toEqual({ role: 'staff', venueId: venuesAnswer.data[0]?._id, uses: 1, validDays: 7 })
})

test('a refused code shows the server message; a good one confirms the role', async () => {
  let attempt = 0
  route({
    'account.redeemInvite': () => (++attempt === 1
      ? fail('CONFLICT', '这个邀请码的使用次数已用完，请向组委会索取新的邀请码')
      : ok({ role: 'staff', venueId: 'banan', displayName: '巴南 张医生' })),
  })
  render(<RedeemPage />)
  await typeInto('如 7K3M9Q2HXP', '7k3m9q2hxp')
  await typeInto('如 巴南分会场 张医生', '巴南 张医生')
  fireEvent.click(screen.getByText('绑定'))
  expect(await screen.findByText('这个邀请码的使用次数已用完，请向组委会索取新的邀请码')).toBeTruthy()
  fireEvent.click(screen.getByText('绑定'))
  expect(await screen.findByText('巴南 张医生，您现在的身份是「分会场工作人员」。')).toBeTruthy()
})
