// The phase of a festival or sub-venue as a coloured label: 进行中 / 即将开始 / 已结束.
import { Text } from '@tarojs/components'
import { PHASE_LABELS, type Phase } from '@/contract'

export function PhaseBadge({ phase }: { phase: Phase }) {
  return <Text className={`phase-badge phase-badge--${phase}`}>{PHASE_LABELS[phase]}</Text>
}
