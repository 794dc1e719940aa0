// A work's votes over the watched period as a strip of bars, one per bucket (empty buckets included),
// drawn with plain Views: the bar's height is its votes against the busiest bucket, its lower part the
// votes from accounts voting for the first time that day, flagged buckets in red. A tap picks a bucket.
import { Text, View } from '@tarojs/components'
import type { WatchBucket } from '@/contract/selection-views'
import { formatClock, shortInstant } from '@/utils/time'
import { addMinutes } from '../../utils/clock'

export interface StripWindow {
  from: string
  to: string
  bucketMinutes: number
}

export interface BarStripProps {
  window: StripWindow
  series: WatchBucket[]
  flagged: ReadonlySet<number>
  selected: number | null
  onPick: (bucket: WatchBucket) => void
}

/** Every bucket of the window, in order, with the counts the server gave (zero where it gave none). */
export function fillBuckets(window: StripWindow, series: WatchBucket[]): WatchBucket[] {
  const byStart = new Map(series.map((b) => [Date.parse(b.start), b]))
  const end = Date.parse(window.to)
  const all: WatchBucket[] = []
  for (let start = window.from; Date.parse(start) < end && all.length < 2016; start = addMinutes(start, window.bucketMinutes)) {
    all.push(byStart.get(Date.parse(start)) ?? { start, votes: 0, newAccountVotes: 0 })
  }
  return all
}

export function BarStrip({ window, series, flagged, selected, onPick }: BarStripProps) {
  const buckets = fillBuckets(window, series)
  const max = Math.max(1, ...buckets.map((b) => b.votes))
  const width = `${100 / Math.max(1, buckets.length)}%`
  return (
    <View className='bar-strip'>
      <Text className='bar-strip__max'>最高 {max} 票/段</Text>
      <View className='bar-strip__bars'>
        {buckets.map((b) => {
          const at = Date.parse(b.start)
          const classes = ['bar-strip__slot', flagged.has(at) ? 'bar-strip__slot--flagged' : '', selected === at ? 'bar-strip__slot--selected' : '']
          return (
            <View
              key={b.start}
              className={classes.filter(Boolean).join(' ')}
              style={{ width }}
              aria-label={`${shortInstant(b.start)} ${b.votes} 票`}
              onClick={() => onPick(b)}
            >
              <View className='bar-strip__bar' style={{ height: `${(b.votes / max) * 100}%` }}>
                <View className='bar-strip__fresh' style={{ height: b.votes > 0 ? `${(b.newAccountVotes / b.votes) * 100}%` : '0' }} />
              </View>
            </View>
          )
        })}
      </View>
      <View className='bar-strip__axis'>
        <Text>{shortInstant(window.from)}</Text>
        <Text>{formatClock(window.to)}</Text>
      </View>
    </View>
  )
}
