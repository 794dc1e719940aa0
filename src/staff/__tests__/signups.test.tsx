// 报名名单: masked rows with figures, a status filter that re-queries, reveal only for organisers and
// only with a reason, and the Excel export opened from its temporary link.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ok, type SignupListEntry } from '@/contract'
import SignupsPage from '../signups/index'
import { callMock, stubTaro } from '@/pages/__tests__/helpers'
import { chip, openSlot, route, typeInto } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('../utils/open-file', () => ({ openExport: jest.fn(async () => undefined) }))

const entry: SignupListEntry = {
  signupId: 'banan-0625am-0123456789abcdef', maskedName: '王*英', maskedPhone: '138****1234', relation: 'self', category: 'woman',
  services: ['两癌筛查'], status: 'confirmed', createdAt: '2022-06-20T09:00:00+08:00', history: [],
}
const figures = { slots: [{ slotId: openSlot._id, title: openSlot.title, venueId: 'banan', venueName: '巴南分会场', date: openSlot.date,
  startTime: openSlot.startTime, quota: 30, confirmed: 12, waitlisted: 0, checkedIn: 3, cancelled: 1, noShow: 0 }], venues: [] }

function setup(role: 'staff' | 'organiser') {
  route({
    'account.whoami': () => ok({ role, venueId: role === 'staff' ? 'banan' : undefined }),
    'clinic.slots': () => ok({ items: [openSlot], page: 1, hasMore: false }),
    'clinicAdmin.attendance': () => ok(figures),
    'clinicAdmin.signupList': () => ok({ items: [entry], page: 1, hasMore: false }),
    'clinicAdmin.revealSignup': () => ok({ signupId: entry.signupId, name: '王秀英', phone: '13812341234' }),
    'clinicAdmin.exportSignups': () => ok({ fileID: 'cloud://x/e.xlsx', url: 'http://127.0.0.1/e.xlsx', rows: 12, masked: role === 'staff' }),
  })
  stubTaro()
  render(<SignupsPage />)
}
const calls = (action: string) => callMock.mock.calls.filter(([, a]) => a === action).map(([, , input]) => input)

test('staff see masked rows and figures, filter by status, and cannot reveal', async () => {
  setup('staff')
  expect(await screen.findByText('王*英 · 138****1234')).toBeTruthy()
  expect(screen.getByText('名额 30 · 已报名 12 · 候补 0 · 已签到 3 · 已取消 1')).toBeTruthy()
  expect(screen.queryByText('显示完整信息')).toBeNull()
  fireEvent.click(chip('候补中'))
  await waitFor(() => expect(calls('signupList').at(-1)).toEqual({ slotId: openSlot._id, status: 'waitlisted' }))
})

test('an organiser reveals one entry after giving a reason, and exports the list', async () => {
  setup('organiser')
  fireEvent.click(await screen.findByText('显示完整信息'))
  await typeInto('查看原因，如「电话通知改期」', '电话通知改期')
  fireEvent.click(screen.getByText('确认查看（将记录在审计日志）'))
  expect(await screen.findByText('王秀英 · 13812341234')).toBeTruthy()
  expect(calls('revealSignup')).toEqual([{ signupId: entry.signupId, reason: '电话通知改期' }])
  fireEvent.click(screen.getByText('导出 Excel 名单'))
  const { openExport } = jest.requireMock('../utils/open-file') as { openExport: jest.Mock }
  await waitFor(() => expect(openExport).toHaveBeenCalledWith('http://127.0.0.1/e.xlsx'))
})
