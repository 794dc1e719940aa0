// A large single-line text box (≥ 88px tall) that reports its text on every keystroke.
import { Input } from '@tarojs/components'

export interface FieldInputProps {
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number' | 'digit'
  maxlength?: number
  className?: string
}

export function FieldInput({ value, onChange, placeholder, type = 'text', maxlength = 140, className }: FieldInputProps) {
  return (
    <Input
      className={`field-input ${className ?? ''}`}
      value={value}
      type={type}
      maxlength={maxlength}
      placeholder={placeholder}
      placeholderClass='field-input__placeholder'
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}
