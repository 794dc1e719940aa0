// The three non-content states every page shows: loading, empty, and error (with 重试).
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../action-button'

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state-view state-view--loading'>
      <View className='state-view__spinner' />
      <Text className='state-view__text'>{text}</Text>
    </View>
  )
}

export interface EmptyProps {
  title: string
  hint?: string
  action?: ReactNode
}

export function Empty({ title, hint, action }: EmptyProps) {
  return (
    <View className='state-view state-view--empty'>
      <Text className='state-view__icon'>🌸</Text>
      <Text className='state-view__title'>{title}</Text>
      {hint ? <Text className='state-view__text'>{hint}</Text> : null}
      {action ? <View className='state-view__action'>{action}</View> : null}
    </View>
  )
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='state-view state-view--error'>
      <Text className='state-view__icon'>⚠️</Text>
      <Text className='state-view__title'>{message}</Text>
      <View className='state-view__action'>
        <ActionButton onClick={onRetry}>重试</ActionButton>
      </View>
    </View>
  )
}
