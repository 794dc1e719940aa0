// The vote box of a work's page: its count, the caller's remaining votes (or why voting is closed),
// the 投票 button (disabled while a vote is pending or none is left) and a refusal in red.
import { Text, View } from '@tarojs/components'
import type { VoteAllowance } from '@/contract/selection-views'
import { ActionButton } from '@/components/action-button'
import { allowanceLine } from '../../utils/text'

export interface VotePanelProps {
  votes: number
  voting: VoteAllowance
  pending: boolean
  message: string
  onVote: () => void
}

export function VotePanel({ votes, voting, pending, message, onVote }: VotePanelProps) {
  const can = voting.open && voting.remainingToday > 0 && voting.remainingForWork > 0
  return (
    <View className='vote-panel'>
      <Text className='vote-panel__count'>❤ {votes} 票</Text>
      <Text className='vote-panel__left'>{allowanceLine(voting)}</Text>
      {message ? <View className='vote-panel__error' role='alert'><Text>{message}</Text></View> : null}
      <ActionButton disabled={!can || pending} onClick={onVote}>{pending ? '正在投票…' : '投票'}</ActionButton>
    </View>
  )
}
