// A titled block of a page (活动简介, 活动日程 …), with an optional action on the right of the title.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

export interface SectionProps {
  title: string
  className?: string
  extra?: ReactNode
  children: ReactNode
}

export function Section({ title, className, extra, children }: SectionProps) {
  return (
    <View className={`section ${className ?? ''}`}>
      <View className='section__head'>
        <Text className='section__title'>{title}</Text>
        {extra ? <View className='section__extra'>{extra}</View> : null}
      </View>
      {children}
    </View>
  )
}
