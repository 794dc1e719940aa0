// 门口签到名单: every place of the slot, read across pages, in name order with 报名号, masked name and phone,
// for whom and a tick box (☑ once checked in), then the waitlist; 打印 opens the print dialog (h5);
// residents are told the page is not theirs.
import { fireEvent, render, screen } from '@testing-library/react'
import { ok, type SignupListEntry } from '@/contract'
import DoorListPage from '../door-list/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { detailOf, openSlot, route } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

const base: SignupListEntry = {
  signupId: 'banan-0625am-0000000000000001', number: '00000000', maskedName: '王*英', maskedPhone: '138****1234', relation: 'self', category: 'woman',
  services: ['两癌筛查'], status: 'confirmed', createdAt: '2022-06-20T09:00:00+08:00', history: [],
}
const person = (n: number, name: string, extra: Partial<SignupListEntry> = {}): SignupListEntry =>
  ({ ...base, signupId: `banan-0625am-${String(n).padStart(16, '0')}`, number: String(n).padStart(8, '0'), maskedName: name, ...extra })

beforeEach(() => {
  stubTaro()
  setRouterParams({ slotId: 'banan-0625am' })
})

test('the door list reads every page and lists places in name order, checked-in ticked, then the waitlist; 打印 prints', async () => {
  route({
    'account.whoami': () => ok({ role: 'staff', venueId: 'banan' }),
    'clinic.slot': () => ok(detailOf(openSlot)),
    'clinicAdmin.signupList': (input) => {
      const { status, page = 1 } = input as { status: string; page?: number }
      if (status === 'confirmed') return ok(page === 1 ? { items: [person(1, '王*英')], page, hasMore: true } : { items: [person(2, '李*', { relation: 'child', category: 'child' })], page, hasMore: false })
      if (status === 'checked_in') return ok({ items: [person(3, '陈*华', { status: 'checked_in' })], page, hasMore: false })
      return ok({ items: [person(4, '赵*', { status: 'waitlisted' })], page, hasMore: false })
    },
  })
  const print = jest.spyOn(window, 'print').mockImplementation(() => undefined)
  render(<DoorListPage />)
  expect(await screen.findByText('巴南分会场 · 两癌筛查专场')).toBeTruthy()
  const names = Array.from(document.querySelectorAll('.door-list__cell--name')).map((el) => el.textContent).slice(1)
  expect(names.filter((n) => n !== '姓名 · 手机')).toEqual(['陈*华（本人）138****1234', '李*（孩子）138****1234', '王*英（本人）138****1234', '赵*（本人）138****1234'])
  expect(screen.getByText('已报名 3 人 · 候补 1 人 · 姓名和手机号已隐去部分，核对时请报报名号或手机号后 4 位')).toBeTruthy()
  expect(screen.getAllByText('☑')).toHaveLength(1)
  expect(callMock.mock.calls.filter(([, action]) => action === 'signupList')).toHaveLength(4)
  expect(document.body.textContent).not.toMatch(/1\d{10}/)
  fireEvent.click(screen.getByText('打印（A4）'))
  expect(print).toHaveBeenCalled()
})

test('a resident opening the door list by link is told whom it is for', async () => {
  route({ 'account.whoami': () => ok({ role: 'resident' }) })
  render(<DoorListPage />)
  expect(await screen.findByText('此页面供分会场工作人员和组委会使用')).toBeTruthy()
  expect(callMock.mock.calls.some(([, action]) => action === 'signupList')).toBe(false)
})
