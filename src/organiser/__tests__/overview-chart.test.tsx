// One chart of 数据概览: uCharts draws it on a canvas from the chart's rows (days as columns, the rest
// as bars), 查看表格 shows the same figures with whole labels, and an empty chart says 暂无数据 (or why
// it is empty) with no canvas and no toggle.
import { fireEvent, render, screen } from '@testing-library/react'
import UCharts from '@qiun/ucharts'
import type { OverviewChart } from '@/contract'
import { OverviewChartView } from '../components/chart/overview-chart'

jest.mock('@qiun/ucharts', () => ({ __esModule: true, default: jest.fn() }))
const drawn = UCharts as unknown as jest.Mock

const attendance: OverviewChart = {
  key: 'attendancePerSlot', title: '各场次签到与未到', series: ['签到', '未到'],
  rows: [{ label: '06-26 09:00 两癌筛查（巴南区人民广场）', values: [8, 2] }, { label: '06-27 14:00 儿童保健', values: [5, 0] }],
}

beforeEach(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ canvas: 'ctx' } as unknown as CanvasRenderingContext2D)
})

test('draws the rows with uCharts on a canvas, and shows them whole as a table on request', () => {
  const { container } = render(<OverviewChartView chart={attendance} />)
  const canvas = container.querySelector('canvas#overview-chart-attendancePerSlot')
  expect(canvas?.getAttribute('aria-label')).toBe('各场次签到与未到图表，点“查看表格”可逐项阅读')
  expect(drawn).toHaveBeenCalledTimes(1)
  const options = drawn.mock.calls[0]?.[0]
  expect(options).toMatchObject({
    type: 'bar', context: { canvas: 'ctx' }, animation: false, legend: { show: true },
    categories: ['06-26 0…', '06-27 1…'],
    series: [{ name: '签到', data: [8, 5] }, { name: '未到', data: [2, 0] }],
  })
  fireEvent.click(screen.getByText('查看表格'))
  expect(container.querySelector('canvas')).toBeNull()
  const cells = [...container.querySelectorAll('[role="cell"]')].map((c) => c.textContent)
  expect(cells).toEqual(['06-26 09:00 两癌筛查（巴南区人民广场）', '8', '2', '06-27 14:00 儿童保健', '5', '0'])
  expect([...container.querySelectorAll('[role="columnheader"]')].map((c) => c.textContent)).toEqual(['项目', '签到', '未到'])
  fireEvent.click(screen.getByText('查看图表'))
  expect(container.querySelector('canvas')).not.toBeNull()
})

test('days are columns with one series and no legend', () => {
  render(<OverviewChartView chart={{ key: 'votesPerDay', title: '每日有效投票', series: ['投票'], rows: [{ label: '07-01', values: [10] }] }} />)
  expect(drawn.mock.calls[0]?.[0]).toMatchObject({ type: 'column', legend: { show: false }, categories: ['07-01'], series: [{ name: '投票', data: [10] }] })
})

test('an empty chart says 暂无数据, or why it is empty, and draws nothing', () => {
  const { container, rerender } = render(<OverviewChartView chart={{ ...attendance, rows: [] }} />)
  expect(screen.getByText('暂无数据')).toBeTruthy()
  expect(screen.queryByText('查看表格')).toBeNull()
  expect(container.querySelector('canvas')).toBeNull()
  rerender(<OverviewChartView chart={{ ...attendance, rows: [], note: '作品、投票和讲座属于整个文化节，不按分会场统计' }} />)
  expect(screen.getByText('作品、投票和讲座属于整个文化节，不按分会场统计')).toBeTruthy()
  expect(screen.queryByText('暂无数据')).toBeNull()
  expect(drawn).not.toHaveBeenCalled()
})
