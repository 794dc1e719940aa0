// The export as a job on 报名名单: while the server works it, the page shows 正在导出：已处理 N / M 条 and
// polls exportStatus; once done it opens the file. Opening the page again (after a reload or a restart)
// follows a job still running and offers the finished file.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ok, type ExportJob, type Result } from '@/contract'
import SignupsPage from '../signups/index'
import { callMock, stubTaro } from '@/pages/__tests__/helpers'
import { openSlot, route } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('../utils/open-file', () => ({ openExport: jest.fn(async () => undefined) }))

const openExport = () => (jest.requireMock('../utils/open-file') as { openExport: jest.Mock }).openExport
const fileName = '巴南分会场-全部场次-报名名单.xlsx'
const job = (done: number, state: ExportJob['state'] = 'running'): ExportJob => ({
  jobId: 'clinicExport-0123456789abcdef', kind: 'clinicExport', state, done, total: 3000, fileName, masked: false, createdAt: new Date().toISOString(),
  ...(state === 'done' ? { file: { fileID: 'cloud://x/e.xlsx', url: 'http://127.0.0.1/e.xlsx', fileName, rows: 3000, masked: false } } : {}),
})

/** exportStatus answers held until the test releases them, in order. */
function statusQueue() {
  const waiting: Array<(answer: Result<ExportJob | null>) => void> = []
  return {
    handler: () => new Promise<Result<ExportJob | null>>((resolve) => waiting.push(resolve)),
    async answer(value: ExportJob | null) {
      await waitFor(() => expect(waiting.length).toBeGreaterThan(0))
      waiting.shift()?.(ok(value))
    },
  }
}

function setup(onMount: ExportJob | null, status: ReturnType<typeof statusQueue>) {
  let mounted = false
  route({
    'account.whoami': () => ok({ role: 'organiser' }),
    'clinicAdmin.slotDays': () => ok({ today: openSlot.date, days: [{ date: openSlot.date, slots: 1 }] }),
    'clinic.slots': () => ok({ items: [openSlot], page: 1, hasMore: false }),
    'clinicAdmin.attendance': () => ok({ slots: [], venues: [] }),
    'clinicAdmin.signupList': () => ok({ items: [], page: 1, hasMore: false }),
    'clinicAdmin.exportSignups': () => ok(job(1000)),
    'clinicAdmin.exportStatus': () => {
      if (mounted) return status.handler()
      mounted = true
      return ok(onMount)
    },
  })
  const taro = stubTaro()
  render(<SignupsPage />)
  return taro
}
const calls = (action: string) => callMock.mock.calls.filter(([, a]) => a === action).map(([, , input]) => input)

afterEach(() => jest.clearAllMocks())

test('a large export shows its progress while the page polls, then opens the file', async () => {
  const status = statusQueue()
  const taro = setup(null, status)
  fireEvent.click(await screen.findByText('导出巴南分会场全部场次'))
  expect(await screen.findByText('正在导出：已处理 1000 / 3000 条')).toBeTruthy()
  await status.answer(job(2000))
  expect(await screen.findByText('正在导出：已处理 2000 / 3000 条')).toBeTruthy()
  await status.answer(job(3000, 'done'))
  await waitFor(() => expect(openExport()).toHaveBeenCalledWith('http://127.0.0.1/e.xlsx', fileName))
  expect(taro.showModal.mock.calls[0]![0]).toMatchObject({ title: '名单已生成', content: expect.stringContaining('共 3000 条') })
  expect(screen.queryByText(/正在导出/)).toBeNull()
  expect(calls('exportStatus')).toEqual([{}, { jobId: job(0).jobId }, { jobId: job(0).jobId }])
})

test('reopened while a job runs, the page follows it and then offers the file', async () => {
  const status = statusQueue()
  setup(job(2000), status)
  expect(await screen.findByText('正在导出：已处理 2000 / 3000 条')).toBeTruthy()
  expect(screen.getByText('导出本场 Excel').className).toContain('action-button--disabled')
  await status.answer(job(3000, 'done'))
  expect(await screen.findByText(`上次导出的名单：「${fileName}」共 3000 条`)).toBeTruthy()
  fireEvent.click(screen.getByText('打开上次导出的名单'))
  await waitFor(() => expect(openExport()).toHaveBeenCalledWith('http://127.0.0.1/e.xlsx', fileName))
})

test('a failed job says so and what to do', async () => {
  const status = statusQueue()
  const taro = setup(null, status)
  fireEvent.click(await screen.findByText('导出本场 Excel'))
  await status.answer({ ...job(1000, 'failed'), error: '名单文件暂时无法保存' })
  await waitFor(() => expect(taro.showModal).toHaveBeenCalledWith({ title: '导出失败', content: '导出未完成：名单文件暂时无法保存。请重新导出', showCancel: false }))
  expect(openExport()).not.toHaveBeenCalled()
})
