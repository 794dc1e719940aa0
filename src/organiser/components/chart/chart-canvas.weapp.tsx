// The chart in WeChat: a <Canvas type="2d"> node, found after render with createSelectorQuery (its
// node and laid-out size), sized for the screen's pixel ratio and handed to uCharts as its context.
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import UCharts from '@qiun/ucharts'
import type { OverviewChart } from '@/contract/overview'
import { chartHeight, chartSpec } from './chart-spec'

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
}

interface Found {
  node?: CanvasNode
  width?: number
}

export function ChartCanvas({ id, chart, label }: { id: string; chart: OverviewChart; label: string }) {
  const height = chartHeight(chart)
  useEffect(() => {
    let live = true
    Taro.nextTick(() => {
      Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }).exec((res: Array<Found | null>) => {
        const found = res[0]
        if (!live || !found?.node) return
        const { pixelRatio, windowWidth } = Taro.getWindowInfo()
        const width = found.width && found.width > 0 ? found.width : windowWidth
        found.node.width = Math.round(width * pixelRatio)
        found.node.height = Math.round(height * pixelRatio)
        new UCharts({ ...chartSpec(chart), context: found.node.getContext('2d'), width: width * pixelRatio, height: height * pixelRatio, pixelRatio })
      })
    })
    return () => {
      live = false
    }
  }, [id, chart, height])
  return (
    <View ariaRole='img' ariaLabel={label}>
      <Canvas type='2d' id={id} className='overview-chart__canvas' style={{ height: `${height}px` }} />
    </View>
  )
}
