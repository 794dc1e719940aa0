// What uCharts draws for one overview chart: days as columns (time reads left to right), everything
// else as horizontal bars (long labels such as slot names fit on the left), one colour per series,
// values written on the bars, no animation (one synchronous draw). The canvas keeps labels short;
// the table view shows them whole.
import type { UChartsOptions } from '@qiun/ucharts'
import type { OverviewChart } from '@/contract/overview'

export type ChartSpec = Omit<UChartsOptions, 'context' | 'width' | 'height' | 'pixelRatio'>

const COLOURS = ['#c8102e', '#e8a33d']
const LABEL_CHARS = 8
const COLUMN_KEYS = new Set<OverviewChart['key']>(['signupsPerDay', 'votesPerDay'])

const short = (label: string) => ([...label].length > LABEL_CHARS ? `${[...label].slice(0, LABEL_CHARS - 1).join('')}…` : label)

export function chartSpec(chart: OverviewChart): ChartSpec {
  const columns = COLUMN_KEYS.has(chart.key)
  return {
    type: columns ? 'column' : 'bar',
    categories: chart.rows.map((r) => short(r.label)),
    series: chart.series.map((name, i) => ({ name, data: chart.rows.map((r) => r.values[i] ?? 0) })),
    animation: false,
    background: '#FFFFFF',
    color: COLOURS,
    fontSize: 11,
    fontColor: '#2b1d16',
    padding: [12, 16, 4, 4],
    dataLabel: true,
    legend: { show: chart.series.length > 1, position: 'top' },
    xAxis: columns ? { disableGrid: true, fontSize: 10 } : { boundaryGap: 'justify', min: 0, fontSize: 10, gridColor: '#f0ddd0' },
    yAxis: columns ? { data: [{ min: 0 }], gridColor: '#f0ddd0', fontSize: 10 } : { fontSize: 10 },
    extra: columns ? { column: { type: 'group', width: 16 } } : { bar: { type: 'group', width: 14, categoryGap: 4 } },
  }
}

/** Canvas height in px: bars grow with their rows and series, columns keep one height. */
export function chartHeight(chart: OverviewChart): number {
  if (COLUMN_KEYS.has(chart.key)) return 220
  return 64 + chart.rows.length * Math.max(28, chart.series.length * 18 + 10)
}
