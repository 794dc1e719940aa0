// Slot page and sign-up form: prefill from lastEntries, client field errors (bad phone, no consent),
// one submission with the right input on a double tap, the outcome, the server's field issues, waitlist.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fail, ok } from '@/contract'
import ClinicSlotPage from '../slot/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { chip, field, typeInto, confirmedSignup, detailOf, fullSlot, openSlot, route } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
let redirectTo: jest.SpyInstance
beforeEach(() => {
  taro = stubTaro()
  redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
  setRouterParams({ id: 'banan-0625am' })
})

const signUpCalls = () => callMock.mock.calls.filter(([, action]) => action === 'signUp')

test('prefills the last person and shows the slot facts', async () => {
  route({
    'clinic.slot': () => ok(detailOf(openSlot)),
    'clinic.lastEntries': () => ok([{ relation: 'self', name: '王秀英', phone: '13812341234', category: 'woman' }]),
  })
  render(<ClinicSlotPage />)
  expect(await screen.findByText('✓ 王秀英（本人）')).toBeTruthy()
  const name = await field('请填写真实姓名')
  await waitFor(() => expect(name.value).toBe('王秀英'))
  expect(screen.getByText('每个微信号最多为 3 人报名本场')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('clinic', 'slot', { slotId: 'banan-0625am' })
})

test('shows field errors for a bad phone and missing consent, and does not submit', async () => {
  route({ 'clinic.slot': () => ok(detailOf(openSlot)), 'clinic.lastEntries': () => ok([]) })
  render(<ClinicSlotPage />)
  await typeInto('请填写真实姓名', '李芳')
  await typeInto('11 位手机号码', '1381234')
  fireEvent.click(chip('妇女'))
  fireEvent.click(screen.getByText('提交报名'))
  expect(await screen.findByText('请填写 11 位大陆手机号码，如 13812345678')).toBeTruthy()
  expect(screen.getByText('请先阅读并勾选同意《义诊报名个人信息说明》，再提交报名')).toBeTruthy()
  expect(screen.getByText('请至少选择一项义诊服务')).toBeTruthy()
  expect(signUpCalls()).toHaveLength(0)
})

// Both taps land before React re-renders (as on a slow phone), so the disabled look alone cannot stop the second.
test('a double tap submits the right input once, then shows the outcome and 我的报名', async () => {
  let release: () => void = () => undefined
  route({
    'clinic.slot': () => ok(detailOf(openSlot)),
    'clinic.lastEntries': () => ok([]),
    'clinic.signUp': () => new Promise((resolve) => { release = () => resolve(ok({ signup: confirmedSignup, outcome: 'confirmed' })) }),
  })
  render(<ClinicSlotPage />)
  await typeInto('请填写真实姓名', ' 王秀英 ')
  await typeInto('11 位手机号码', '13812341234')
  fireEvent.click(chip('妇女'))
  fireEvent.click(chip('乳腺彩超'))
  fireEvent.click(screen.getByText('我已阅读并同意以上说明'))
  const button = screen.getByText('提交报名')
  act(() => {
    button.click()
    button.click()
  })
  expect(await screen.findByText('正在提交…')).toBeTruthy()
  fireEvent.click(screen.getByText('正在提交…'))
  await act(async () => release())
  expect(signUpCalls()).toEqual([['clinic', 'signUp', {
    slotId: 'banan-0625am',
    person: { relation: 'self', name: '王秀英', phone: '13812341234', category: 'woman' },
    services: ['乳腺彩超'],
    agreePrivacy: true,
    remind: true,
  }]])
  await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/clinic/mine/index' }))
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' }))
})

test('shows the server\'s field issues beside the fields', async () => {
  route({
    'clinic.slot': () => ok(detailOf(openSlot)),
    'clinic.lastEntries': () => ok([{ relation: 'self', name: '王秀英', phone: '13812341234', category: 'woman' }]),
    'clinic.signUp': () => fail('INVALID_INPUT', undefined, [{ path: 'person.phone', message: '这个号码今天已为 3 人报名' }]),
  })
  render(<ClinicSlotPage />)
  await screen.findByText('✓ 王秀英（本人）')
  fireEvent.click(chip('两癌筛查'))
  fireEvent.click(screen.getByText('我已阅读并同意以上说明'))
  fireEvent.click(screen.getByText('提交报名'))
  expect(await screen.findAllByText('这个号码今天已为 3 人报名')).toHaveLength(1)
  expect(screen.getByText('请按红色提示修改后再提交')).toBeTruthy()
  expect(redirectTo).not.toHaveBeenCalled()
})

test('a full slot with an open waitlist joins the waitlist, a child needs a birth month', async () => {
  setRouterParams({ id: 'banan-0625pm' })
  route({
    'clinic.slot': () => ok(detailOf(fullSlot)),
    'clinic.lastEntries': () => ok([{ relation: 'child', name: '王小明', phone: '13812341234', category: 'child', birthMonth: '2019-03' }]),
    'clinic.signUp': () => ok({ signup: confirmedSignup, outcome: 'waitlisted' }),
  })
  render(<ClinicSlotPage />)
  expect(await screen.findByText('孩子出生年月')).toBeTruthy()
  fireEvent.click(chip('儿童保健'))
  fireEvent.click(screen.getByText('我已阅读并同意以上说明'))
  fireEvent.click(screen.getByText('加入候补'))
  await waitFor(() => expect(redirectTo).toHaveBeenCalled())
  expect(signUpCalls()[0]?.[2]).toMatchObject({
    person: { relation: 'child', name: '王小明', category: 'child', birthMonth: '2019-03' }, services: ['儿童保健'], joinWaitlist: true,
  })
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入候补' }))
})

test('a slot that fills while the form is open switches to 加入候补 in place, keeping what was typed', async () => {
  const JUST_FULL = '本场名额刚刚报满。您填写的内容已保留，点「加入候补」即可排队：有人取消时按顺序自动递补，并通知您'
  let filled = false
  route({
    'clinic.slot': () => ok(detailOf(openSlot)),
    'clinic.lastEntries': () => ok([]),
    'clinic.signUp': () => (filled ? ok({ signup: confirmedSignup, outcome: 'waitlisted' }) : ((filled = true), fail('CONFLICT', JUST_FULL, [{ path: 'joinWaitlist', message: JUST_FULL }]))),
  })
  render(<ClinicSlotPage />)
  await typeInto('请填写真实姓名', '王秀英')
  await typeInto('11 位手机号码', '13812341234')
  fireEvent.click(chip('妇女'))
  fireEvent.click(chip('两癌筛查'))
  fireEvent.click(screen.getByText('我已阅读并同意以上说明'))
  fireEvent.click(screen.getByText('提交报名'))
  expect(await screen.findAllByText(JUST_FULL)).toHaveLength(1)
  expect(screen.getByText('加入候补')).toBeTruthy()
  expect(screen.queryByText('提交报名')).toBeNull()
  expect((await field('请填写真实姓名')).value).toBe('王秀英')
  fireEvent.click(screen.getByText('加入候补'))
  await waitFor(() => expect(redirectTo).toHaveBeenCalled())
  expect(signUpCalls()[1]?.[2]).toMatchObject({ person: { name: '王秀英' }, joinWaitlist: true })
})

test('a closed slot explains why and offers other slots', async () => {
  route({ 'clinic.slot': () => ok({ ...detailOf(openSlot), status: 'closed' }), 'clinic.lastEntries': () => fail('NETWORK') })
  render(<ClinicSlotPage />)
  expect(await screen.findByText('本场报名已截止，请选择其他场次。')).toBeTruthy()
  expect(screen.queryByText('提交报名')).toBeNull()
})
