// A multi-line text box for notes and lists, with the character limit shown beneath.
import { Text, Textarea, View } from '@tarojs/components'

export interface FieldTextareaProps {
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxlength?: number
}

export function FieldTextarea({ value, onChange, placeholder, maxlength = 200 }: FieldTextareaProps) {
  return (
    <View className='field-textarea'>
      <Textarea
        className='field-textarea__box'
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='field-input__placeholder'
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className='field-textarea__count'>{value.length}/{maxlength}</Text>
    </View>
  )
}
