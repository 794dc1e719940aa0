// 报名名单: masked rows with figures, 报名号 and a history line, status chips and search that re-query
// (staff by phone tail or 报名号 only, told what to enter otherwise; organisers also by name), notes for
// organisers only (staff see that there is one), 加载更多,
// reveal only for organisers and only with a reason, error and empty states, and the Excel export
// opened from its temporary link (or copied when it cannot be opened). Any festival day's slots can be
// opened from the day picker (today preselected, or the next day with slots), searched and revealed.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail, ok, type ClinicSlotSummary, type ExportJob, type Result, type SignupListEntry, type SlotDays } from '@/contract'
import type { InputOf } from '@/contract/api'
import SignupsPage from '../signups/index'
import { defaultDay } from '../components/slot-chooser/slot-chooser'
import { callMock, stubTaro } from '@/pages/__tests__/helpers'
import { chip, openSlot, route, typeInto } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('../utils/open-file', () => ({ openExport: jest.fn(async () => undefined) }))

const entry: SignupListEntry = {
  signupId: 'banan-0625am-0123456789abcdef', number: '01234567', maskedName: '王*英', maskedPhone: '138****1234', relation: 'self', category: 'woman',
  services: ['两癌筛查'], status: 'confirmed', createdAt: '2022-06-20T09:00:00+08:00',
  history: [{ event: 'waitlisted', at: '2022-06-20T09:00:00+08:00' }, { event: 'promoted', at: '2022-06-21T14:05:00+08:00' }],
}
const second: SignupListEntry = {
  ...entry, signupId: 'banan-0625am-fedcba9876543210', number: 'FEDCBA98', maskedName: '李*', maskedPhone: '139****0002', history: [],
}
const figures = { slots: [{ slotId: openSlot._id, title: openSlot.title, venueId: 'banan', venueName: '巴南分会场', date: openSlot.date,
  startTime: openSlot.startTime, quota: 30, confirmed: 12, waitlisted: 0, checkedIn: 3, cancelled: 1, noShow: 0 }], venues: [] }
const exportFile = { fileID: 'cloud://x/e.xlsx', url: 'http://127.0.0.1/e.xlsx', fileName: '巴南分会场-两癌筛查专场-2022-06-25-报名名单.xlsx', rows: 12 }
const exportDone = (masked: boolean): ExportJob => ({
  jobId: 'clinicExport-0123456789abcdef', kind: 'clinicExport', state: 'done', done: 12, total: 12, fileName: exportFile.fileName, masked,
  createdAt: '2022-06-25T10:00:00.000+08:00', file: { ...exportFile, masked },
})
const openExport = () => (jest.requireMock('../utils/open-file') as { openExport: jest.Mock }).openExport

const tomorrowSlot: ClinicSlotSummary = { ...openSlot, _id: 'banan-0626am', title: '孕产保健咨询专场', date: '2022-06-26', startTime: '08:30', endTime: '11:00' }
const days: SlotDays = { today: '2022-06-25', days: [{ date: '2022-06-25', slots: 1 }, { date: '2022-06-26', slots: 1 }] }

function setup(role: 'staff' | 'organiser', list: (input: InputOf<'clinicAdmin', 'signupList'>) => Result<unknown> = (input) => ok({ items: [entry], page: input.page ?? 1, hasMore: false })) {
  route({
    'account.whoami': () => ok({ role, venueId: role === 'staff' ? 'banan' : undefined }),
    'clinicAdmin.slotDays': () => ok(days),
    'clinic.slots': (input) => ok({ items: [input.date === '2022-06-26' ? tomorrowSlot : openSlot], page: 1, hasMore: false }),
    'clinicAdmin.attendance': () => ok(figures),
    'clinicAdmin.signupList': list,
    'clinicAdmin.revealSignup': () => ok({ signupId: entry.signupId, name: '王秀英', phone: '13812341234' }),
    'clinicAdmin.exportSignups': () => ok(exportDone(role === 'staff')),
    'clinicAdmin.exportStatus': () => ok(null),
  })
  const taro = stubTaro()
  render(<SignupsPage />)
  return taro
}
const calls = (action: string) => callMock.mock.calls.filter(([, a]) => a === action).map(([, , input]) => input)

afterEach(() => jest.clearAllMocks())

test('staff see masked rows, 报名号, figures and history; filter and search re-query; no reveal', async () => {
  setup('staff')
  expect(await screen.findByText('王*英 · 138****1234')).toBeTruthy()
  expect(screen.getByText('报名号 01234567')).toBeTruthy()
  expect(await screen.findByText('名额 30 · 已报名 12 · 候补 0 · 已签到 3 · 已取消 1')).toBeTruthy()
  expect(screen.getByText('加入候补 6月20日 09:00 → 候补转正 6月21日 14:05')).toBeTruthy()
  expect(screen.queryByText('显示完整信息')).toBeNull()
  expect(calls('attendance')).toEqual([{ venueId: 'banan' }])
  fireEvent.click(chip('候补中'))
  await waitFor(() => expect(calls('signupList').at(-1)).toEqual({ slotId: openSlot._id, status: 'waitlisted' }))
  await typeInto('手机号后 4 位或报名号', ' 1234 ')
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(calls('signupList').at(-1)).toEqual({ slotId: openSlot._id, status: 'waitlisted', search: '1234' }))
  await typeInto('手机号后 4 位或报名号', 'fedcba98')
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(calls('signupList').at(-1)).toEqual({ slotId: openSlot._id, status: 'waitlisted', search: 'fedcba98' }))
})

test('staff cannot search by name: the box says what to enter and nothing is asked of the server', async () => {
  setup('staff')
  await screen.findByText('王*英 · 138****1234')
  const before = calls('signupList').length
  await typeInto('手机号后 4 位或报名号', '秀英')
  fireEvent.click(screen.getByText('搜索'))
  expect(await screen.findByText(/请输入手机号后 4 位或报名号.*按姓名搜索仅限组委会/)).toBeTruthy()
  expect(calls('signupList')).toHaveLength(before)
})

test('an organiser may search by a name fragment', async () => {
  setup('organiser')
  await screen.findByText('王*英 · 138****1234')
  await typeInto('手机号后 4 位、报名号或姓名中的字', '秀英')
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(calls('signupList').at(-1)).toEqual({ slotId: openSlot._id, search: '秀英' }))
})

test('a resident\'s note: organisers read it, staff see only that there is one', async () => {
  setup('staff', () => ok({ items: [{ ...entry, hasNote: true }], page: 1, hasMore: false }))
  expect(await screen.findByText('有居民备注（仅组委会可查看）')).toBeTruthy()
  expect(screen.queryByText(/备注：/)).toBeNull()
})

test('an organiser sees the note in the list', async () => {
  setup('organiser', () => ok({ items: [{ ...entry, note: '对青霉素过敏' }], page: 1, hasMore: false }))
  expect(await screen.findByText('备注：对青霉素过敏')).toBeTruthy()
  expect(screen.queryByText('有居民备注（仅组委会可查看）')).toBeNull()
})

test('加载更多 appends the next page', async () => {
  setup('staff', (input) => ok(input.page === 2 ? { items: [second], page: 2, hasMore: false } : { items: [entry], page: 1, hasMore: true }))
  fireEvent.click(await screen.findByText('加载更多'))
  expect(await screen.findByText('李* · 139****0002')).toBeTruthy()
  expect(screen.getByText('王*英 · 138****1234')).toBeTruthy()
  expect(screen.getByText('已经到底了')).toBeTruthy()
  expect(calls('signupList').at(-1)).toEqual({ slotId: openSlot._id, page: 2 })
})

test('an error says what went wrong and offers 重试', async () => {
  setup('staff', () => fail('FORBIDDEN', '您只能操作本分会场的场次和报名'))
  expect(await screen.findByText('您只能操作本分会场的场次和报名')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  await waitFor(() => expect(calls('signupList')).toHaveLength(2))
})

test('an empty slot says so', async () => {
  setup('staff', () => ok({ items: [], page: 1, hasMore: false }))
  expect(await screen.findByText('没有符合条件的报名')).toBeTruthy()
  expect(screen.getByText('这一场还没有人报名。')).toBeTruthy()
})

test('an organiser reveals one entry only after giving a reason', async () => {
  setup('organiser')
  fireEvent.click(await screen.findByText('显示完整信息'))
  fireEvent.click(screen.getByText('确认查看（将记录在审计日志）'))
  expect(await screen.findByText(/请先写明查看原因/)).toBeTruthy()
  expect(calls('revealSignup')).toEqual([])
  await typeInto('查看原因，如「电话通知改期」', '电话通知改期')
  fireEvent.click(screen.getByText('确认查看（将记录在审计日志）'))
  expect(await screen.findByText('王秀英 · 13812341234')).toBeTruthy()
  expect(calls('revealSignup')).toEqual([{ signupId: entry.signupId, reason: '电话通知改期' }])
})

test('export: the slot or the whole venue, opened from the temporary link', async () => {
  const taro = setup('organiser')
  fireEvent.click(await screen.findByText('导出本场 Excel'))
  await waitFor(() => expect(openExport()).toHaveBeenCalledWith('http://127.0.0.1/e.xlsx', '巴南分会场-两癌筛查专场-2022-06-25-报名名单.xlsx'))
  expect(taro.showModal.mock.calls[0]![0]).toMatchObject({ title: '名单已生成', content: expect.stringContaining('「巴南分会场-两癌筛查专场-2022-06-25-报名名单.xlsx」共 12 条。含完整姓名和手机号') })
  fireEvent.click(screen.getByText('导出巴南分会场全部场次'))
  await waitFor(() => expect(calls('exportSignups')).toEqual([{ slotId: openSlot._id }, { venueId: 'banan' }]))
})

test('export: when the link cannot be opened it is copied', async () => {
  const taro = setup('staff')
  openExport().mockRejectedValueOnce(new Error('download answered 404'))
  fireEvent.click(await screen.findByText('导出本场 Excel'))
  await waitFor(() => expect(taro.setClipboardData).toHaveBeenCalledWith({ data: 'http://127.0.0.1/e.xlsx' }))
  expect(taro.showModal.mock.calls[0]![0]).toMatchObject({ content: expect.stringContaining('姓名和手机号已隐去部分') })
})

test('tomorrow\'s slots are opened from the day picker, then searched and revealed like today\'s', async () => {
  setup('organiser')
  await screen.findByText('王*英 · 138****1234')
  expect(chip('6月25日 今天 · 1 场').textContent).toMatch(/^✓/)
  expect(calls('signupList')).toEqual([{ slotId: openSlot._id }])
  fireEvent.click(chip('6月26日 明天 · 1 场'))
  await waitFor(() => expect(chip('巴南分会场 孕产保健咨询专场 08:30–11:00').textContent).toMatch(/^✓/))
  await waitFor(() => expect(calls('signupList').at(-1)).toEqual({ slotId: tomorrowSlot._id }))
  expect(calls('slots').at(-1)).toEqual({ date: '2022-06-26' })
  await typeInto('手机号后 4 位、报名号或姓名中的字', '1234')
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(calls('signupList').at(-1)).toEqual({ slotId: tomorrowSlot._id, search: '1234' }))
  fireEvent.click(await screen.findByText('显示完整信息'))
  await typeInto('查看原因，如「电话通知改期」', '电话通知改期')
  fireEvent.click(screen.getByText('确认查看（将记录在审计日志）'))
  expect(await screen.findByText('王秀英 · 13812341234')).toBeTruthy()
  fireEvent.click(screen.getByText('导出本场 Excel'))
  await waitFor(() => expect(calls('exportSignups')).toEqual([{ slotId: tomorrowSlot._id }]))
})

test('the day picker starts on today, or the next day with slots, or the last day there was one', () => {
  const day = (date: string) => ({ date, slots: 2 })
  expect(defaultDay({ today: '2022-06-25', days: [day('2022-06-24'), day('2022-06-25'), day('2022-06-26')] })).toBe('2022-06-25')
  expect(defaultDay({ today: '2022-06-25', days: [day('2022-06-24'), day('2022-06-27')] })).toBe('2022-06-27')
  expect(defaultDay({ today: '2022-06-25', days: [day('2022-06-23'), day('2022-06-24')] })).toBe('2022-06-24')
  expect(defaultDay({ today: '2022-06-25', days: [] })).toBe('')
})
