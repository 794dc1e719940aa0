// Work links for sub-venue staff and organisers (现场签到, 新建义诊场次, 报名名单, 内容管理; organisers also
// 评选管理 of each selection — review, vote watch, weights, results — and 邀请码管理); for everyone else
// a quiet link to bind a work identity with an invite code.
// Takes the identity 我的 already loaded (account.whoami), so it makes no call of its own.
import { Text, View } from '@tarojs/components'
import type { Me } from '@/contract'
import { SELECTION_KINDS, type SelectionKind } from '@/contract/selection'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../../selection/routes'
import { staffRoutes } from '../../staff/routes'
import { organiserRoutes } from '../../organiser/routes'
import { ActionButton } from '../action-button'
import { Card } from '../card'

const KIND_SHORT: Record<SelectionKind, string> = { photo: '亲子照', video: '短视频', cases: '典型案例' }

export function StaffEntry({ me }: { me: Pick<Me, 'role'> }) {
  if (me.role !== 'staff' && me.role !== 'organiser') {
    return (
      <Text className='staff-entry__bind' onClick={() => openPage(staffRoutes.redeem)}>绑定工作身份：工作人员、评审专家在此输入邀请码 ›</Text>
    )
  }
  return (
    <Card className='staff-entry'>
      <Text className='staff-entry__title'>义诊工作台</Text>
      <Text className='staff-entry__text'>
        {me.role === 'organiser' ? '可管理全部分会场的义诊场次和现场签到。' : '可管理本分会场的义诊场次和现场签到。'}
      </Text>
      <View className='staff-entry__action'>
        <ActionButton onClick={() => openPage(staffRoutes.checkIn)}>现场签到</ActionButton>
      </View>
      <View className='staff-entry__action'>
        <ActionButton kind='plain' onClick={() => openPage(staffRoutes.slotEdit())}>新建义诊场次</ActionButton>
      </View>
      <View className='staff-entry__action'>
        <ActionButton kind='plain' onClick={() => openPage(staffRoutes.signups)}>报名名单与导出</ActionButton>
      </View>
      <View className='staff-entry__action'>
        <ActionButton kind='plain' onClick={() => openPage(organiserRoutes.home)}>内容管理（活动、讲座、优惠）</ActionButton>
      </View>
      {me.role === 'organiser' ? (
        <View>
          <Text className='staff-entry__text'>征集评选管理（审核、投票监控、权重与结果发布）：</Text>
          <View className='staff-entry__row'>
            {SELECTION_KINDS.map((kind) => (
              <ActionButton key={kind} kind='plain' className='staff-entry__kind' onClick={() => openPage(selectionRoutes.manageOfKind(kind))}>{KIND_SHORT[kind]}</ActionButton>
            ))}
          </View>
          <View className='staff-entry__action'>
            <ActionButton kind='plain' onClick={() => openPage(staffRoutes.invites)}>邀请码管理</ActionButton>
          </View>
        </View>
      ) : null}
    </Card>
  )
}
