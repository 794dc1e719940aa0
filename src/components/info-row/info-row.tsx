// One labelled fact (承办医院：…, 地点：…); the label sits above the value so long values have room.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

export function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <View className='info-row__value'>{children}</View>
    </View>
  )
}
