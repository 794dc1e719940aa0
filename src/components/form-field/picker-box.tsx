// A date, month or time chosen with the platform's picker, shown in a box like a text field; the
// placeholder reads 请选择… until a value is chosen.
import { Picker, Text, View } from '@tarojs/components'

export interface PickerBoxProps {
  mode: 'date' | 'month' | 'time'
  value: string
  onChange: (value: string) => void
  placeholder?: string
  start?: string
  end?: string
  /** Where the picker opens while nothing is chosen (e.g. a child's birth month: a few years back). */
  opensAt?: string
}

export function PickerBox({ mode, value, onChange, placeholder = '请选择', start, end, opensAt }: PickerBoxProps) {
  const shown = (
    <View className='field-input picker-box'>
      <Text className={value ? 'picker-box__value' : 'field-input__placeholder'}>{value || placeholder}</Text>
      <Text className='picker-box__arrow'>▾</Text>
    </View>
  )
  if (mode === 'time') {
    return <Picker mode='time' value={value || '09:00'} start={start} end={end} onChange={(e) => onChange(e.detail.value)}>{shown}</Picker>
  }
  return (
    <Picker
      mode='date'
      fields={mode === 'month' ? 'month' : 'day'}
      value={value || opensAt || ''}
      start={start}
      end={end}
      onChange={(e) => onChange(e.detail.value)}
    >
      {shown}
    </Picker>
  )
}
