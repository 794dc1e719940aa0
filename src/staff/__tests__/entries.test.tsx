// The entry components for 我的: the clinic card opens 义诊报名 / 我的报名; the staff links show only
// for sub-venue staff and organisers.
import { fireEvent, render, screen } from '@testing-library/react'
import { ClinicEntry } from '@/components/clinic-entry'
import { StaffEntry } from '@/components/staff-entry'
import { stubTaro } from '@/pages/__tests__/helpers'

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
})

test('the clinic card opens the slot list and my sign-ups', () => {
  render(<ClinicEntry />)
  fireEvent.click(screen.getByText('义诊报名'))
  fireEvent.click(screen.getByText('我的报名'))
  expect(taro.navigateTo.mock.calls).toEqual([[{ url: '/clinic/slots/index' }], [{ url: '/clinic/mine/index' }]])
})

test('staff and organisers get the check-in and new-slot links', () => {
  const { rerender } = render(<StaffEntry me={{ role: 'staff' }} />)
  fireEvent.click(screen.getByText('现场签到'))
  fireEvent.click(screen.getByText('新建义诊场次'))
  expect(taro.navigateTo.mock.calls).toEqual([[{ url: '/staff/check-in/index' }], [{ url: '/staff/slot-edit/index' }]])
  expect(screen.queryByText('邀请码管理')).toBeNull()
  rerender(<StaffEntry me={{ role: 'organiser' }} />)
  expect(screen.getByText('可管理全部分会场的义诊场次和现场签到。')).toBeTruthy()
  fireEvent.click(screen.getByText('邀请码管理'))
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/invites/index' })
})

test('residents and experts get only the link to bind a work identity', () => {
  const { rerender } = render(<StaffEntry me={{ role: 'resident' }} />)
  expect(screen.queryByText('现场签到')).toBeNull()
  rerender(<StaffEntry me={{ role: 'expert' }} />)
  expect(screen.queryByText('现场签到')).toBeNull()
  fireEvent.click(screen.getByText('绑定工作身份：工作人员、评审专家在此输入邀请码 ›'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/redeem/index' })
})
