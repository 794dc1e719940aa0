// 往届回顾: every published edition of the festival, newest first; opening one lists its sub-venues,
// whose pages (programme, events) stay readable after the edition is over.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useAction } from '@/hooks/use-action'
import { Card } from '@/components/card'
import { StateGate } from '@/components/state-view'
import { VenueCard } from '@/components/venue-card'
import { formatDateRange } from '@/utils/time'
import '../styles.scss'

function EditionVenues({ festivalId }: { festivalId: string }) {
  const state = useAction('festival', 'venues', { festivalId })
  return <StateGate state={state}>{(venues) => <View>{venues.map((v) => <VenueCard key={v._id} venue={v} />)}</View>}</StateGate>
}

export default function EditionsPage() {
  const state = useAction('festival', 'editions', {})
  const [open, setOpen] = useState('')
  return (
    <View className='page editions-page'>
      <StateGate state={state}>
        {(editions) => (
          <View>
            {editions.map((e) => (
              <View key={e._id}>
                <Card className='edition-card' onClick={() => setOpen(open === e._id ? '' : e._id)}>
                  <Text className='edition-card__name'>{e.name}</Text>
                  <Text className='paragraph muted'>{formatDateRange(e.startDate, e.endDate)} · {open === e._id ? '收起' : '查看分会场'}</Text>
                </Card>
                {open === e._id ? <EditionVenues festivalId={e._id} /> : null}
              </View>
            ))}
          </View>
        )}
      </StateGate>
    </View>
  )
}
