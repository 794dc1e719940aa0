// A large tap target (≥ 88px high) for the page's actions: 重试, 查看地图/导航, 切换演示身份 …
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'

export interface ActionButtonProps {
  kind?: 'primary' | 'plain'
  disabled?: boolean
  className?: string
  onClick: () => void
  children: ReactNode
}

export function ActionButton({ kind = 'primary', disabled, className, onClick, children }: ActionButtonProps) {
  const classes = ['action-button', `action-button--${kind}`, disabled ? 'action-button--disabled' : '', className ?? '']
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      hoverClass={disabled ? 'none' : 'action-button--pressed'}
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </View>
  )
}
