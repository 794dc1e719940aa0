// One of my works: cover, title, status (审核中 / 已发布 with its number and votes / 未通过 with the
// reason / 已撤回), and 撤回 while it is under review or published; a rejected one can be corrected and
// resubmitted while submissions are open, its earlier rejections listed. A published work opens its page.
import { Image, Text, View } from '@tarojs/components'
import { SELECTION_KIND_LABELS } from '@/contract/selection'
import type { MyWork } from '@/contract/selection-views'
import { ActionButton } from '@/components/action-button'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../../routes'
import { statusLabel, workNumber } from '../../utils/text'
import { shortInstant } from '@/utils/time'

export interface MyWorkCardProps {
  work: MyWork
  withdrawing: boolean
  onWithdraw: (work: MyWork) => void
  /** The work's selection still takes submissions: a rejected work may be corrected and resubmitted. */
  canResubmit?: boolean
}

const TONES = { pending: 'amber', published: 'red', rejected: 'grey', withdrawn: 'grey', frozen: 'grey' } as const

export function MyWorkCard({ work, withdrawing, onWithdraw, canResubmit = false }: MyWorkCardProps) {
  const canWithdraw = work.status === 'pending' || work.status === 'published'
  return (
    <View className='my-work'>
      <View className='my-work__main' onClick={() => openPage(selectionRoutes.work(work._id))}>
        {work.coverUrl ? <Image className='my-work__cover' src={work.coverUrl} mode='aspectFill' /> : null}
        <View className='my-work__body'>
          <Text className='my-work__kind'>{SELECTION_KIND_LABELS[work.kind]}</Text>
          <Text className='my-work__title'>{work.title}</Text>
          <View className='my-work__status'>
            <Tag tone={TONES[work.status]}>{statusLabel(work.status)}</Tag>
            {work.status === 'published' ? <Text className='my-work__meta'>{workNumber(work.number)} · {work.votes} 票</Text> : null}
          </View>
        </View>
      </View>
      {work.status === 'pending' ? <Text className='my-work__note'>组委会审核通过后会公开展示并获得编号。</Text> : null}
      {work.reason && (work.status === 'rejected' || work.status === 'frozen') ? (
        <Text className='my-work__reason'>{work.status === 'rejected' ? '未通过原因' : '冻结原因'}：{work.reason}</Text>
      ) : null}
      {work.revisions && work.revisions.length > 0 ? (
        <View className='my-work__revisions'>
          {work.revisions.map((r, i) => (
            <Text key={r.resubmittedAt} className='my-work__revision'>
              {`第 ${i + 1} 次未通过（${shortInstant(r.rejectedAt)}）：${r.reason}；${shortInstant(r.resubmittedAt)} 修改后重新提交`}
            </Text>
          ))}
        </View>
      ) : null}
      {work.status === 'rejected' && canResubmit ? (
        <ActionButton onClick={() => openPage(selectionRoutes.resubmit(work.selectionId, work._id))}>修改后重新提交</ActionButton>
      ) : null}
      {work.status === 'rejected' && !canResubmit ? <Text className='my-work__note'>征集已截止，不能再修改重新提交。</Text> : null}
      {canWithdraw ? (
        <ActionButton kind='plain' disabled={withdrawing} onClick={() => onWithdraw(work)}>{withdrawing ? '正在撤回…' : '撤回作品'}</ActionButton>
      ) : null}
    </View>
  )
}
