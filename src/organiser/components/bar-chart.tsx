// A horizontal bar chart drawn with Views (one bar per series and row, scaled to the chart's largest
// value), and the same figures as a table under 查看表格 — so each chart is also readable as text.
// Views rather than a canvas library: no extra bundle, identical in the weapp and h5 builds, offline.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { OverviewChart } from '@/contract'

const TONES = ['bar-chart__bar--a', 'bar-chart__bar--b']

export function BarChart({ chart }: { chart: OverviewChart }) {
  const [table, setTable] = useState(false)
  const max = Math.max(1, ...chart.rows.flatMap((r) => r.values))
  return (
    <View className='bar-chart'>
      <View className='bar-chart__head'>
        <Text className='bar-chart__title'>{chart.title}</Text>
        <Text className='bar-chart__toggle' onClick={() => setTable(!table)}>{table ? '查看图表' : '查看表格'}</Text>
      </View>
      {chart.series.length > 1 ? (
        <View className='bar-chart__legend'>
          {chart.series.map((name, i) => <Text key={name} className={`bar-chart__key ${TONES[i] ?? ''}`}>{name}</Text>)}
        </View>
      ) : null}
      {chart.note ? <Text className='paragraph muted'>{chart.note}</Text> : null}
      {!chart.note && chart.rows.length === 0 ? <Text className='paragraph muted'>暂无数据</Text> : null}
      {table ? (
        <View className='bar-chart__table' role='table'>
          <View className='bar-chart__tr' role='row'>
            <View className='bar-chart__th' role='columnheader'><Text>项目</Text></View>
            {chart.series.map((name) => <View key={name} className='bar-chart__th bar-chart__num' role='columnheader'><Text>{name}</Text></View>)}
          </View>
          {chart.rows.map((row) => (
            <View key={row.label} className='bar-chart__tr' role='row'>
              <View className='bar-chart__td' role='cell'><Text>{row.label}</Text></View>
              {row.values.map((v, i) => <View key={chart.series[i] ?? i} className='bar-chart__td bar-chart__num' role='cell'><Text>{v}</Text></View>)}
            </View>
          ))}
        </View>
      ) : chart.rows.map((row) => (
        <View key={row.label} className='bar-chart__row'>
          <Text className='bar-chart__label'>{row.label}</Text>
          {row.values.map((v, i) => (
            <View key={chart.series[i] ?? i} className='bar-chart__line'>
              <View className={`bar-chart__bar ${TONES[i] ?? ''}`} style={{ width: `${Math.max(1, Math.round((v / max) * 100))}%` }} />
              <Text className='bar-chart__value'>{v}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
