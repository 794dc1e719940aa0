// The part of @qiun/ucharts (uCharts 2.x, plain JS without typings) the organiser's charts use: one
// chart drawn at construction on the given 2d context, redrawn with updateData.
declare module '@qiun/ucharts' {
  export interface UChartsOptions {
    type: 'bar' | 'column'
    context: unknown
    width: number
    height: number
    pixelRatio: number
    categories: string[]
    series: Array<{ name: string; data: number[] }>
    animation: boolean
    background: string
    color: string[]
    fontSize: number
    fontColor: string
    padding: [number, number, number, number]
    dataLabel: boolean
    legend: { show: boolean; position?: 'top' | 'bottom' }
    xAxis: Record<string, unknown>
    yAxis: Record<string, unknown>
    extra: Record<string, unknown>
  }
  export default class UCharts {
    constructor(options: UChartsOptions)
    updateData(data: Partial<UChartsOptions>): void
  }
}
