// 投票监控: the reading is asked for in whole buckets, flagged works come first with the server's Chinese
// flags; 作废投票 from a flag is prefilled with that bucket, refuses a short reason, confirms with the
// number of votes at stake, sends the exact range and shows the outcome; server refusals stay under
// their field. A large void done in chunks is continued by the page until finished, with its progress;
// the full recount's progress is shown above the works.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail, ok, type Result } from '@/contract'
import { chip } from '@/clinic/__tests__/fixtures'
import SelectionWatchPage from '../watch/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { field, photoSelection, route, typeInto } from './fixtures'
import { watchReading } from './organiser-fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
  setRouterParams({ sel: 'cq-2022-photo' })
})

const callsOf = (name: string) => callMock.mock.calls.filter(([, action]) => action === name).map(([, , input]) => input as Record<string, unknown>)

async function typeReason(value: string): Promise<void> {
  const box = await waitFor(() => {
    const found = document.querySelector('textarea')
    if (!found) throw new Error('no textarea')
    return found
  })
  fireEvent.input(box, { target: { value } })
}

function routeWatch(voidAnswer: () => Result<unknown> = () => ok({ workId: 'w3', voided: 36, votes: 16, voidedTotal: 36, auditId: 'audit-7', planned: 36, finished: true })) {
  route({
    'selection.selections': () => ok([photoSelection]),
    'selection.voteWatch': () => ok(watchReading),
    'selection.voidVotes': voidAnswer,
  })
}

test('asks for whole buckets and shows flagged works first with their flags', async () => {
  routeWatch()
  render(<SelectionWatchPage />)
  expect(await screen.findByText(/请核查是否集中刷票/)).toBeTruthy()
  const titles = Array.from(document.querySelectorAll('.watch-card__title')).map((el) => el.textContent)
  expect(titles).toEqual(['003 号 第一次游泳', '002 号 爸爸的肩膀'])
  expect(screen.getByText('⚠ 2 处异常')).toBeTruthy()
  expect(screen.getByText('6月25日 09:05 起 5 分钟内有 36 票（90%）来自当天首次投票的账号，请核查是否为新注册账号集中投票')).toBeTruthy()
  expect(screen.getByText('这段时间共 61 票，2 件作品获得投票，1 件有异常，已排在最前')).toBeTruthy()
  expect(document.querySelectorAll('.watch-card')[0]?.querySelectorAll('.bar-strip__slot')).toHaveLength(72)
  expect(document.querySelectorAll('.bar-strip__slot--flagged')).toHaveLength(1)
  const [first] = callsOf('voteWatch')
  expect(first).toMatchObject({ selectionId: 'cq-2022-photo', bucketMinutes: 5 })
  const [from, to] = [Date.parse(String(first?.from)), Date.parse(String(first?.to))]
  expect(to - from).toBe(6 * 3600_000)
  expect(from % 300_000).toBe(0)

  fireEvent.click(chip('15 分钟 · 近 24 小时'))
  await waitFor(() => expect(callsOf('voteWatch').at(-1)).toMatchObject({ bucketMinutes: 15 }))
  const last = callsOf('voteWatch').at(-1)
  expect(Date.parse(String(last?.to)) - Date.parse(String(last?.from))).toBe(24 * 3600_000)
})

test('the void form is prefilled from the flagged bucket, refuses a short reason, confirms and sends the range', async () => {
  routeWatch()
  render(<SelectionWatchPage />)
  fireEvent.click((await screen.findAllByText('作废投票'))[1] as HTMLElement)
  expect((await field('开始时间，如 2022-06-25 09:05')).value).toBe('2022-06-25 09:05')
  expect((await field('结束时间，如 2022-06-25 09:10')).value).toBe('2022-06-25 09:10')
  await typeReason('刷票')
  fireEvent.click(screen.getByText('作废投票', { selector: '.action-button' }))
  expect(await screen.findByText('请写明作废理由（至少 5 个字），会记入审计记录')).toBeTruthy()
  expect(taro.showModal).not.toHaveBeenCalled()
  expect(callsOf('voidVotes')).toHaveLength(0)

  await typeReason('同一时段新账号集中投票，核实为刷票')
  fireEvent.click(screen.getByText('只作废当天新账号的票'))
  taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: true, cancel: false })
  fireEvent.click(screen.getByText('作废投票', { selector: '.action-button' }))
  expect(await screen.findByText('已作废 36 票')).toBeTruthy()
  expect(taro.showModal.mock.calls[0]?.[0]).toMatchObject({ content: expect.stringContaining('当天首次投票的账号投出的有效投票，投票监控显示最多 36 票') })
  expect(callsOf('voidVotes')).toEqual([{
    selectionId: 'cq-2022-photo', workId: 'w3', from: '2022-06-25T09:05:00+08:00', to: '2022-06-25T09:10:00+08:00',
    onlyNewAccounts: true, reason: '同一时段新账号集中投票，核实为刷票',
  }])
  expect(screen.getByText('003 号「第一次游泳」现有有效票 16 票，累计作废 36 票。')).toBeTruthy()
  fireEvent.click(screen.getByText('返回投票监控'))
  await waitFor(() => expect(callsOf('voteWatch')).toHaveLength(2))
})

test('a cancelled confirmation sends nothing; server refusals show under their field', async () => {
  const none = '这段时间内没有这件作品的有效投票，请调整时间范围'
  let answer: Result<unknown> = fail('NOT_FOUND', none, [{ path: 'from', message: none }])
  routeWatch(() => answer)
  render(<SelectionWatchPage />)
  fireEvent.click((await screen.findAllByText('作废投票'))[0] as HTMLElement)
  await typeInto('开始时间，如 2022-06-25 09:05', '2022-06-25 08:00')
  await typeReason('核实为集中刷票')
  fireEvent.click(screen.getByText('作废投票', { selector: '.action-button' }))
  await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1))
  expect(taro.showModal.mock.calls[0]?.[0]).toMatchObject({ content: expect.stringContaining('最多 40 票') })
  expect(callsOf('voidVotes')).toHaveLength(0)

  taro.showModal.mockResolvedValue({ errMsg: 'ok', confirm: true, cancel: false })
  fireEvent.click(screen.getByText('作废投票', { selector: '.action-button' }))
  const rangeError = await screen.findByText('这段时间内没有这件作品的有效投票，请调整时间范围')
  expect(rangeError.closest('.form-field')?.textContent).toContain('作废时间范围')
  expect(callsOf('voidVotes')[0]).toMatchObject({ from: '2022-06-25T08:00:00+08:00', to: '2022-06-25T09:10:00+08:00', onlyNewAccounts: false })

  answer = fail('INVALID_INPUT', '提交的内容有误，请检查后重试', [{ path: 'reason', message: '作废理由最多 200 个字，请删减后再提交' }])
  fireEvent.click(screen.getByText('作废投票', { selector: '.action-button' }))
  const reasonError = await screen.findByText('作废理由最多 200 个字，请删减后再提交')
  expect(reasonError.closest('.form-field')?.textContent).toContain('作废理由')
  expect(reasonError.closest('.form-field')?.textContent).not.toContain('作废时间范围')
  expect((await field('开始时间，如 2022-06-25 09:05')).value).toBe('2022-06-25 08:00')
})

test('a void answered unfinished is continued with the same range until finished; the recount progress is shown', async () => {
  const answers = [
    ok({ workId: 'w3', voided: 1600, votes: 3416, voidedTotal: 1600, auditId: 'audit-8', planned: 5000, finished: false }),
    ok({ workId: 'w3', voided: 3200, votes: 1816, voidedTotal: 3200, auditId: 'audit-8', planned: 5000, finished: false }),
    ok({ workId: 'w3', voided: 5000, votes: 16, voidedTotal: 5000, auditId: 'audit-8', planned: 5000, finished: true }),
  ]
  route({
    'selection.selections': () => ok([photoSelection]),
    'selection.voteWatch': () => ok({ ...watchReading, recount: { running: true, scanned: 15000, total: 50000 } }),
    'selection.voidVotes': () => answers.shift() ?? fail('INTERNAL', '不应再调用'),
  })
  render(<SelectionWatchPage />)
  expect(await screen.findByText('计票校对中：已处理 15000 / 50000 位投票人的记录')).toBeTruthy()
  fireEvent.click((await screen.findAllByText('作废投票'))[1] as HTMLElement)
  await typeReason('同一时段新账号集中投票，核实为刷票')
  taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: true, cancel: false })
  fireEvent.click(screen.getByText('作废投票', { selector: '.action-button' }))
  expect(await screen.findByText('已作废 5000 票')).toBeTruthy()
  const calls = callsOf('voidVotes')
  expect(calls).toHaveLength(3)
  expect(new Set(calls.map((c) => JSON.stringify(c))).size).toBe(1)
})
