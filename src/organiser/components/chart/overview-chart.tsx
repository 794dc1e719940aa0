// One chart of 数据概览: drawn by uCharts on a canvas (chart-canvas.weapp.tsx / .h5.tsx, picked by the
// build from the relative import) and, under 查看表格, the same figures as a table with the labels whole.
// An empty chart shows 暂无数据 (or the reason it is empty on purpose) and no canvas.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { OverviewChart } from '@/contract/overview'
import { ChartCanvas } from './chart-canvas'

export function OverviewChartView({ chart }: { chart: OverviewChart }) {
  const [table, setTable] = useState(false)
  const empty = chart.rows.length === 0
  return (
    <View className='overview-chart'>
      <View className='overview-chart__head'>
        <Text className='overview-chart__title'>{chart.title}</Text>
        {empty ? null : <Text className='overview-chart__toggle' onClick={() => setTable(!table)}>{table ? '查看图表' : '查看表格'}</Text>}
      </View>
      {chart.note ? <Text className='paragraph muted'>{chart.note}</Text> : null}
      {!chart.note && empty ? <Text className='paragraph muted'>暂无数据</Text> : null}
      {empty ? null : table ? (
        <View className='overview-chart__table' role='table'>
          <View className='overview-chart__tr' role='row'>
            <View className='overview-chart__th' role='columnheader'><Text>项目</Text></View>
            {chart.series.map((name) => <View key={name} className='overview-chart__th overview-chart__num' role='columnheader'><Text>{name}</Text></View>)}
          </View>
          {chart.rows.map((row) => (
            <View key={row.label} className='overview-chart__tr' role='row'>
              <View className='overview-chart__td' role='cell'><Text>{row.label}</Text></View>
              {row.values.map((v, i) => <View key={chart.series[i] ?? i} className='overview-chart__td overview-chart__num' role='cell'><Text>{v}</Text></View>)}
            </View>
          ))}
        </View>
      ) : (
        <ChartCanvas id={`overview-chart-${chart.key}`} chart={chart} label={`${chart.title}图表，点“查看表格”可逐项阅读`} />
      )}
    </View>
  )
}
