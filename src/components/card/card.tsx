// A white rounded panel; with onClick it becomes a tappable card with press feedback.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'

export interface CardProps {
  className?: string
  onClick?: () => void
  children: ReactNode
}

export function Card({ className, onClick, children }: CardProps) {
  const classes = ['card', onClick ? 'card--link' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} onClick={onClick} hoverClass={onClick ? 'card--pressed' : 'none'}>
      {children}
    </View>
  )
}
