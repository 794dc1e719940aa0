// 我的报名: status labels, QR code only for a confirmed place, notices, 取消报名 after the confirm
// modal (and not without it), the cancel failure spelled out, empty and error states.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail, ok } from '@/contract'
import ClinicMinePage from '../mine/index'
import { callMock, stubTaro } from '@/pages/__tests__/helpers'
import { confirmedSignup, fullSlot, openSlot, route, waitlistedSignup } from './fixtures'
import { decodeQrImage } from '@/utils/__tests__/qr-pixels'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2022-06-22T12:00:00+08:00'))
})

/** The status and service tags, in page order. */
const tagTexts = () => Array.from(document.querySelectorAll('.tag')).map((el) => el.textContent)

const notice = {
  _id: 'n1', kind: 'promoted' as const, signupId: waitlistedSignup._id, title: '候补转正通知',
  body: '王小明 已由候补转为报名成功，请按时到场。', createdAt: '2022-06-22T09:30:00+08:00',
}

test('shows each sign-up with its status, and a QR code only for the confirmed place', async () => {
  route({ 'clinic.mySignups': () => ok([confirmedSignup, waitlistedSignup]), 'clinic.myNotices': () => ok([notice]) })
  const { container } = render(<ClinicMinePage />)
  await screen.findByText('候补中')
  expect(tagTexts()).toEqual(['候补转正', '报名成功', '候补中'])
  expect(screen.getByText('候补转正通知')).toBeTruthy()
  expect(screen.getByText('2022年6月22日 09:30')).toBeTruthy()
  expect(screen.getByText('👤 王秀英（本人 · 妇女）138****1234')).toBeTruthy()
  expect(screen.queryByText('2022年6月20日 10:05')).toBeNull()
  fireEvent.click(screen.getAllByText('详情与办理记录 ▾')[0] as HTMLElement)
  expect(screen.getByText('2022年6月20日 10:05')).toBeTruthy()
  expect(tagTexts()).toEqual(['候补转正', '报名成功', '两癌筛查', '候补中'])
  expect(screen.getByText('报名号 01234567')).toBeTruthy()
  const codes = container.querySelectorAll('.qr-code')
  expect(codes).toHaveLength(1)
  expect(decodeQrImage(codes[0] as Element)).toBe(confirmedSignup.checkInCode)
  expect(screen.getByText(confirmedSignup.checkInCode ?? '')).toBeTruthy()
  expect(screen.getAllByText('取消报名')).toHaveLength(2)
})

test('cancels after the confirm modal and shows the cancelled sign-up', async () => {
  const cancelled = { ...confirmedSignup, status: 'cancelled' as const, checkInCode: undefined, canCancel: false,
    history: [...confirmedSignup.history, { event: 'cancelled' as const, at: '2022-06-23T08:00:00+08:00' }] }
  route({
    'clinic.mySignups': () => ok([confirmedSignup]),
    'clinic.myNotices': () => ok([]),
    'clinic.cancel': () => ok({ signup: cancelled }),
  })
  taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: true, cancel: false })
  const { container } = render(<ClinicMinePage />)
  const cancelButton = await screen.findByText('取消报名')
  await act(async () => fireEvent.click(cancelButton))
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消报名', confirmText: '确定取消' }))
  await waitFor(() => expect(tagTexts()).toContain('已取消'))
  expect(callMock).toHaveBeenCalledWith('clinic', 'cancel', { signupId: confirmedSignup._id })
  expect(container.querySelector('.qr-code')).toBeNull()
  expect(document.querySelector('.signup-card__cancel')).toBeNull()
  expect(screen.getByText('已结束或已取消（1）')).toBeTruthy()
  fireEvent.click(screen.getByText('详情与办理记录 ▾'))
  expect(screen.getByText('取消报名')).toBeTruthy()
  expect(taro.showToast).toHaveBeenCalledWith({ title: '已取消报名', icon: 'none' })
})

test('does not cancel when the modal is dismissed, and explains a refused cancel', async () => {
  route({
    'clinic.mySignups': () => ok([confirmedSignup]),
    'clinic.myNotices': () => fail('INTERNAL'),
    'clinic.cancel': () => fail('CONFLICT', '已过取消截止时间（6月24日 18:00），如需取消请联系分会场'),
  })
  render(<ClinicMinePage />)
  const cancelButton = await screen.findByText('取消报名')
  await act(async () => fireEvent.click(cancelButton))
  expect(callMock.mock.calls.some(([, action]) => action === 'cancel')).toBe(false)
  taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: true, cancel: false })
  await act(async () => fireEvent.click(screen.getByText('取消报名')))
  await waitFor(() => expect(taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({
    title: '取消失败', content: '已过取消截止时间（6月24日 18:00），如需取消请联系分会场',
  })))
  expect(tagTexts()).toContain('报名成功')
})

test('empty: invites to sign up; error: 重试', async () => {
  let first = true
  route({
    'clinic.mySignups': () => {
      const answer = first ? fail('NETWORK') : ok([])
      first = false
      return answer
    },
    'clinic.myNotices': () => ok([]),
  })
  render(<ClinicMinePage />)
  fireEvent.click(await screen.findByText('重试'))
  expect(await screen.findByText('您还没有报名义诊')).toBeTruthy()
  fireEvent.click(screen.getByText('去报名义诊'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/clinic/slots/index' })
})

test('groups sign-ups into 今天, 即将开始 (soonest first) and 已结束或已取消 (latest first)', async () => {
  const today = { ...confirmedSignup, _id: 'banan-0622-1111111111111111', slot: { ...openSlot, _id: 'banan-0622', date: '2022-06-22', title: '今日专场' } }
  const later = { ...waitlistedSignup, slot: { ...fullSlot, date: '2022-07-01', title: '七月专场' } }
  const soon = { ...confirmedSignup, _id: 'banan-0625-2222222222222222', slot: { ...openSlot, title: '六月专场' } }
  const over = { ...confirmedSignup, _id: 'banan-0601-3333333333333333', status: 'no_show' as const, checkInCode: undefined, canCancel: false, slot: { ...openSlot, date: '2022-06-01', status: 'over' as const, title: '六一专场' } }
  const dropped = { ...confirmedSignup, _id: 'banan-0610-4444444444444444', status: 'cancelled' as const, checkInCode: undefined, canCancel: false, slot: { ...openSlot, date: '2022-06-28', title: '取消的专场' } }
  route({ 'clinic.mySignups': () => ok([over, later, today, dropped, soon]), 'clinic.myNotices': () => ok([]) })
  render(<ClinicMinePage />)
  await screen.findByText('今天（1）')
  const headings = Array.from(document.querySelectorAll('.section__title')).map((el) => el.textContent)
  expect(headings).toEqual(['今天（1）', '即将开始（2）', '已结束或已取消（2）'])
  const titles = Array.from(document.querySelectorAll('.signup-card__title')).map((el) => el.textContent)
  expect(titles).toEqual(['今日专场', '六月专场', '七月专场', '取消的专场', '六一专场'])
})
