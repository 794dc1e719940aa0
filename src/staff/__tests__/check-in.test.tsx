// 现场签到 (h5: the code is pasted): 已签到过 with when and by whom, 签到成功, the phone-tail search
// with its 4-digit rule and masked matches confirmed one by one, and the page closed to residents.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ok, type CheckInEntry } from '@/contract'
import CheckInPage from '../check-in/index'
import { callMock, stubTaro } from '@/pages/__tests__/helpers'
import { chip, field, fullSlot, openSlot, route, typeInto } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

const staff = { role: 'staff', venueId: 'banan', displayName: '巴南工作人员 李护士' }
const today = { today: '2022-06-25', days: [{ date: '2022-06-25', slots: 2 }] }
const entry: CheckInEntry = {
  signupId: 'banan-0625am-0123456789abcdef', slotId: 'banan-0625am', maskedName: '王*英', maskedPhone: '138****1234',
  category: 'woman', services: ['两癌筛查'], status: 'checked_in',
}
const CODE = 'banan-0625am-0123456789abcdef.AbCdEfGhIjKlMnOpQrStUv'

beforeEach(() => {
  stubTaro()
  jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'ok' })
  jest.spyOn(Taro, 'vibrateShort').mockResolvedValue({ errMsg: 'ok' })
})

const checkInCalls = () => callMock.mock.calls.filter(([, action]) => action === 'checkIn').map(([, , input]) => input)

test('a second scan says it was already checked in, when and by whom', async () => {
  route({
    'account.whoami': () => ok(staff),
    'clinicAdmin.slotDays': () => ok(today),
    'clinic.slots': () => ok({ items: [openSlot], page: 1, hasMore: false }),
    'clinic.checkIn': () => ok({
      outcome: 'already', entry, checkedInAt: '2022-06-25T09:12:00+08:00', checkedInBy: '巴南工作人员 张医生', notice: '该居民已于 09:12 签到',
    }),
  })
  render(<CheckInPage />)
  await typeInto('签到码', ` ${CODE} `)
  fireEvent.click(screen.getByText('签到'))
  expect(await screen.findByText('⚠️ 已经签到过，请勿重复签到')).toBeTruthy()
  expect(screen.getByText('签到时间：2022年6月25日 09:12')).toBeTruthy()
  expect(screen.getByText('签到人：巴南工作人员 张医生')).toBeTruthy()
  expect(screen.getByText('王*英 · 138****1234')).toBeTruthy()
  expect(checkInCalls()).toEqual([{ code: CODE }])
  await waitFor(async () => expect((await field('签到码')).value).toBe(''))
})

const OFFER_CODE = 'HM:offer-banan-1-0123456789abcdef.AbCdEfGhIjKlMnOpQrStUv'
const redeemCalls = () => callMock.mock.calls.filter(([fn, action]) => fn === 'content' && action === 'redeem').map(([, , input]) => input)

test('an HM: offer code is redeemed through content.redeem; a second scan says when and by whom', async () => {
  const answers = [
    ok({ outcome: 'redeemed', offerTitle: '两癌筛查套餐 5 折', redeemedAt: '2022-06-26T10:05:00+08:00' }),
    ok({
      outcome: 'already', offerTitle: '两癌筛查套餐 5 折', redeemedAt: '2022-06-26T10:05:00+08:00', redeemedBy: '巴南工作人员 李护士',
      notice: '这份优惠已于 6月26日 10:05 由 巴南工作人员 李护士 核销，不能重复使用',
    }),
  ]
  route({
    'account.whoami': () => ok(staff),
    'clinicAdmin.slotDays': () => ok(today),
    'clinic.slots': () => ok({ items: [openSlot], page: 1, hasMore: false }),
    'content.redeem': () => answers.shift() ?? ok({ outcome: 'already', offerTitle: '', redeemedAt: '' }),
  })
  render(<CheckInPage />)
  await typeInto('签到码', OFFER_CODE)
  fireEvent.click(screen.getByText('签到'))
  expect(await screen.findByText('✅ 优惠核销成功')).toBeTruthy()
  expect(screen.getByText('优惠：两癌筛查套餐 5 折')).toBeTruthy()
  expect(screen.getByText('核销时间：2022年6月26日 10:05')).toBeTruthy()
  await typeInto('签到码', OFFER_CODE)
  fireEvent.click(screen.getByText('签到'))
  expect(await screen.findByText('⚠️ 这份优惠已经核销过，请勿重复使用')).toBeTruthy()
  expect(screen.getByText('核销人：巴南工作人员 李护士')).toBeTruthy()
  expect(redeemCalls()).toEqual([{ code: OFFER_CODE }, { code: OFFER_CODE }])
  expect(checkInCalls()).toEqual([])
})

test('an offer of another venue: the refusal shows and no clinic check-in is tried', async () => {
  route({
    'account.whoami': () => ok(staff),
    'clinicAdmin.slotDays': () => ok(today),
    'clinic.slots': () => ok({ items: [openSlot], page: 1, hasMore: false }),
    'content.redeem': () => ({ ok: false, code: 'FORBIDDEN', message: '您只能操作本分会场的场次和报名；这一项属于其他分会场，请联系该分会场或组委会处理' }),
  })
  render(<CheckInPage />)
  await typeInto('签到码', OFFER_CODE)
  fireEvent.click(screen.getByText('签到'))
  expect((await screen.findByRole('alert')).textContent).toContain('这一项属于其他分会场')
  expect(checkInCalls()).toEqual([])
  expect(redeemCalls()).toHaveLength(1)
})

test('phone tail: 4 digits required, then confirm one of the masked matches', async () => {
  const matches: CheckInEntry[] = [
    { ...entry, status: 'confirmed' },
    { ...entry, signupId: 'banan-0625am-1111111111111111', maskedName: '李*', status: 'cancelled' },
  ]
  route({
    'account.whoami': () => ok(staff),
    'clinicAdmin.slotDays': () => ok(today),
    'clinic.slots': () => ok({ items: [openSlot, fullSlot], page: 1, hasMore: false }),
    'clinic.checkIn': (input) => ((input as { signupId?: string }).signupId
      ? ok({ outcome: 'checked_in', entry: { ...entry, status: 'checked_in' }, checkedInAt: '2022-06-25T09:30:00+08:00' })
      : ok({ outcome: 'matches', matches })),
  })
  render(<CheckInPage />)
  await waitFor(() => expect(chip('两癌筛查专场 09:00–11:30').textContent).toMatch(/^✓/))
  fireEvent.click(chip('儿童保健专场 14:00–16:30'))
  await typeInto('如 1234', '12')
  fireEvent.click(screen.getByText('查找报名'))
  expect(await screen.findByText('请输入手机号后 4 位数字')).toBeTruthy()
  expect(checkInCalls()).toEqual([])
  await typeInto('如 1234', '1234')
  fireEvent.click(screen.getByText('查找报名'))
  expect(await screen.findByText('找到 2 条报名，请核对后确认')).toBeTruthy()
  expect(screen.getByText('已取消')).toBeTruthy()
  expect(screen.getAllByText('确认签到')).toHaveLength(1)
  fireEvent.click(screen.getByText('确认签到'))
  expect(await screen.findByText('✅ 签到成功')).toBeTruthy()
  expect(checkInCalls()).toEqual([
    { slotId: 'banan-0625pm', phoneTail: '1234' },
    { signupId: 'banan-0625am-0123456789abcdef' },
  ])
  const slotInputs = callMock.mock.calls.filter(([, action]) => action === 'slots').map(([, , input]) => input)
  expect(slotInputs).toEqual([{ venueId: 'banan', date: '2022-06-25' }])
})

test('residents are told the page is for staff', async () => {
  route({ 'account.whoami': () => ok({ role: 'resident' }) })
  render(<CheckInPage />)
  expect(await screen.findByText('此页面供分会场工作人员和组委会使用')).toBeTruthy()
  expect(callMock).toHaveBeenCalledTimes(1)
})

test('签到 with an empty code box says what to do and sends nothing', async () => {
  route({ 'account.whoami': () => ok(staff), 'clinicAdmin.slotDays': () => ok(today), 'clinic.slots': () => ok({ items: [openSlot], page: 1, hasMore: false }) })
  render(<CheckInPage />)
  await screen.findByText('签到')
  await typeInto('签到码', '   ')
  fireEvent.click(screen.getByText('签到'))
  expect(await screen.findByText('请先粘贴或输入签到码：在居民「我的报名」的二维码下方')).toBeTruthy()
  expect(checkInCalls()).toEqual([])
  await typeInto('签到码', CODE)
  await waitFor(() => expect(screen.queryByText('请先粘贴或输入签到码：在居民「我的报名」的二维码下方')).toBeNull())
})
