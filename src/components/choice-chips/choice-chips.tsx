// Large tappable chips for choosing one (本人/孩子/家人) or several (义诊服务) options. A chosen chip
// shows a ✓ as well as its colour, so the choice never rests on colour alone.
import { Text, View } from '@tarojs/components'

export interface ChoiceOption {
  value: string
  label: string
}

export interface ChoiceChipsProps {
  options: readonly ChoiceOption[]
  selected: readonly string[]
  onToggle: (value: string) => void
  multiple?: boolean
  disabled?: boolean
}

export function ChoiceChips({ options, selected, onToggle, multiple, disabled }: ChoiceChipsProps) {
  return (
    <View className='choice-chips' role={multiple ? 'group' : 'radiogroup'}>
      {options.map((option) => {
        const on = selected.includes(option.value)
        return (
          <View
            key={option.value}
            className={`choice-chip ${on ? 'choice-chip--on' : ''} ${disabled ? 'choice-chip--disabled' : ''}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            hoverClass={disabled ? 'none' : 'choice-chip--pressed'}
            onClick={disabled ? undefined : () => onToggle(option.value)}
          >
            <Text className='choice-chip__text'>{on ? `✓ ${option.label}` : option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
