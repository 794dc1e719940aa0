// One labelled form field: the label (with 必填), the control, a hint, and the field's error in red
// beneath it (client-side rule or the server's issue for that field).
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

export interface FormFieldProps {
  label: string
  required?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

export function FormField({ label, required, hint, error, children }: FormFieldProps) {
  return (
    <View className={`form-field ${error ? 'form-field--invalid' : ''}`}>
      <View className='form-field__head'>
        <Text className='form-field__label'>{label}</Text>
        {required ? <Text className='form-field__required'>必填</Text> : null}
      </View>
      {children}
      {hint ? <Text className='form-field__hint'>{hint}</Text> : null}
      {error ? <View className='form-field__error' role='alert'><Text>{error}</Text></View> : null}
    </View>
  )
}
