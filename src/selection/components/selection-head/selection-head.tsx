// The head of a selection's pages: title, phase, the submission and voting windows and the vote rule,
// with the shortcuts a resident needs (上传作品 while open, 我的作品, 排行榜).
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { SELECTION_PHASE_LABELS, type SelectionView } from '@/contract/selection'
import { Tag } from '@/components/tag'
import { submitWindow, voteRule, voteWindow } from '../../utils/text'

export function SelectionHead({ selection, children }: { selection: SelectionView; children?: ReactNode }) {
  return (
    <View className='selection-head'>
      <View className='selection-head__top'>
        <Text className='selection-head__title'>{selection.title}</Text>
        <Tag tone={selection.canVote || selection.canSubmit ? 'red' : 'grey'}>{SELECTION_PHASE_LABELS[selection.phase]}</Tag>
      </View>
      <Text className='selection-head__line'>{submitWindow(selection)}</Text>
      <Text className='selection-head__line'>{voteWindow(selection)}</Text>
      <Text className='selection-head__line'>{voteRule(selection)}</Text>
      {children ? <View className='selection-head__actions'>{children}</View> : null}
    </View>
  )
}
