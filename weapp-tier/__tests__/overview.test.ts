// 数据概览 in the weapp build: the organiser's overview boots in the organiser subpackage and uCharts
// draws each chart with data on its page's Canvas 2d (recorded draw calls: the chart's labels and
// figures), sized for the screen's pixel ratio; 查看表格 shows the same figures as text.
import { textOf } from '../query'
import { R, url } from './routes'
import { ROLES, useWeapp } from './setup'

const { open } = useWeapp()

test('the overview draws its charts on Canvas 2d with uCharts, and each reads as a table', async () => {
  const app = await open(url(R.overview, { festivalId: 'cq-2022' }), { as: ROLES.organiser })
  await app.waitForText('各分会场义诊报名（不含取消）')
  await app.settle()
  const canvas = app.canvases.get('overview-chart-signupsPerVenue')
  if (!canvas) throw new Error('各分会场义诊报名没有画在 overview-chart-signupsPerVenue 上')
  expect(canvas.width).toBe(375 * 3)
  expect(canvas.texts()).toEqual(expect.arrayContaining(['巴南分会场', '永川分会场']))
  expect(canvas.calls.filter((c) => c.op === 'fillRect' || c.op === 'fill').length).toBeGreaterThan(0)
  const venueChart = app.byClass('overview-chart').find((n) => textOf(n).includes('各分会场义诊报名'))
  if (!venueChart) throw new Error('没有各分会场义诊报名图')
  await app.tap('查看表格', venueChart)
  await app.waitForText('查看图表')
  await app.waitForText('项目报名巴南分会场0永川分会场0')
})
