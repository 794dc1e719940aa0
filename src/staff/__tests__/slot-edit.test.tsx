// Slot form: an edit sends only the changed fields and shows the server's Chinese field issue beside
// the field; a saved edit goes back; a new slot's required fields are checked before any call.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fail, ok } from '@/contract'
import SlotEditPage from '../slot-edit/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { detailOf, openSlot, route, venuesAnswer } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
let navigateBack: jest.SpyInstance
beforeEach(() => {
  taro = stubTaro()
  navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'ok' })
})

const staff = { role: 'staff', venueId: 'banan', displayName: '巴南工作人员 李护士' }
const writes = () => callMock.mock.calls.filter(([, action]) => action === 'updateSlot' || action === 'createSlot')

/** The quota box: the number input that shows the slot's quota (30) once loaded. */
function quotaInput(): Promise<HTMLInputElement> {
  return waitFor(() => {
    const inputs = Array.from(document.querySelectorAll('input[type="number"]')) as HTMLInputElement[]
    const quota = inputs.find((input) => input.value === '30')
    if (!quota) throw new Error('no quota input yet')
    return quota
  })
}

test('an edit sends only the change and shows the server\'s issue beside the field', async () => {
  setRouterParams({ id: 'banan-0625am' })
  route({
    'account.whoami': () => ok(staff),
    'clinic.slot': () => ok(detailOf(openSlot)),
    'clinic.updateSlot': () => fail('INVALID_INPUT', '名额不能少于已报名的人数', [{ path: 'quota', message: '已有 18 人报名，名额不能少于 18' }]),
  })
  render(<SlotEditPage />)
  expect(await screen.findByText('分会场：巴南分会场')).toBeTruthy()
  fireEvent.input(await quotaInput(), { target: { value: '10' } })
  fireEvent.click(screen.getByText('保存修改'))
  expect(await screen.findByText('已有 18 人报名，名额不能少于 18')).toBeTruthy()
  expect(writes()).toEqual([['clinic', 'updateSlot', { slotId: 'banan-0625am', quota: 10 }]])
  expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '编辑义诊场次' })
})

test('a saved edit is announced and goes back; no change means no call', async () => {
  setRouterParams({ id: 'banan-0625am' })
  route({
    'account.whoami': () => ok(staff),
    'clinic.slot': () => ok(detailOf(openSlot)),
    'clinic.updateSlot': () => ok({ ...detailOf(openSlot), closed: true }),
  })
  render(<SlotEditPage />)
  fireEvent.click(await screen.findByText('保存修改'))
  expect(await screen.findByText('没有修改任何内容')).toBeTruthy()
  fireEvent.click(screen.getByText('停止报名（已报名的居民不受影响）'))
  fireEvent.click(screen.getByText('保存修改'))
  await waitFor(() => expect(navigateBack).toHaveBeenCalled())
  expect(writes()).toEqual([['clinic', 'updateSlot', { slotId: 'banan-0625am', closed: true }]])
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '修改已保存' }))
})

test('a new slot (organiser) checks its required fields before any call', async () => {
  route({ 'account.whoami': () => ok({ role: 'organiser', displayName: '组委会李老师' }), 'festival.venues': () => venuesAnswer })
  render(<SlotEditPage />)
  fireEvent.click(await screen.findByText('创建场次'))
  expect(await screen.findByText('请选择分会场')).toBeTruthy()
  for (const message of ['请填写场次名称', '请选择义诊日期', '请填写地点', '请至少填写一项义诊服务', '请至少选择一类面向的人群', '请填写名额（整数）']) {
    expect(screen.getByText(message)).toBeTruthy()
  }
  expect(screen.getByText('永川分会场')).toBeTruthy()
  expect(writes()).toEqual([])
})
