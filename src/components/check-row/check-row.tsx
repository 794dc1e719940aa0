// A whole-row checkbox (the row is the tap target): the consent to the privacy notice, 提醒我.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

export interface CheckRowProps {
  checked: boolean
  onChange: (checked: boolean) => void
  children: ReactNode
}

export function CheckRow({ checked, onChange, children }: CheckRowProps) {
  return (
    <View
      className={`check-row ${checked ? 'check-row--on' : ''}`}
      role='checkbox'
      aria-checked={checked}
      hoverClass='check-row--pressed'
      onClick={() => onChange(!checked)}
    >
      <Text className='check-row__box'>{checked ? '✓' : ''}</Text>
      <View className='check-row__body'>{children}</View>
    </View>
  )
}
