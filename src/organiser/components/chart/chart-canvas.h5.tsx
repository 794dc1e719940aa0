// The chart in the browser: a plain <canvas> sized to its laid-out width and the device pixel ratio,
// its 2d context handed to uCharts. Without a 2d context (no canvas support) nothing is drawn and the
// table view still carries the figures.
import { useEffect, useRef } from 'react'
import UCharts from '@qiun/ucharts'
import type { OverviewChart } from '@/contract/overview'
import { chartHeight, chartSpec } from './chart-spec'

export function ChartCanvas({ id, chart, label }: { id: string; chart: OverviewChart; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null)
  const height = chartHeight(chart)
  useEffect(() => {
    const canvas = ref.current
    if (!canvas || typeof canvas.getContext !== 'function') return
    const pixelRatio = window.devicePixelRatio || 1
    const width = canvas.clientWidth || canvas.parentElement?.clientWidth || 320
    canvas.width = Math.round(width * pixelRatio)
    canvas.height = Math.round(height * pixelRatio)
    const context = canvas.getContext('2d')
    if (!context) return
    new UCharts({ ...chartSpec(chart), context, width: width * pixelRatio, height: height * pixelRatio, pixelRatio })
  }, [chart, height])
  return <canvas ref={ref} id={id} className='overview-chart__canvas' style={{ height: `${height}px` }} role='img' aria-label={label} />
}
