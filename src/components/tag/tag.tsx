// A small label: an event's kind, a clinic service, 敬请期待.
import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'

export function Tag({ tone = 'red', children }: { tone?: 'red' | 'amber' | 'grey'; children: ReactNode }) {
  return <Text className={`tag tag--${tone}`}>{children}</Text>
}
