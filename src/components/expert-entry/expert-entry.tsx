// 我的 → 案例评审 for experts: what they do and the button to the score page. Takes the identity 我的
// already loaded (account.whoami), so it makes no call of its own; renders nothing for other roles.
import { Text, View } from '@tarojs/components'
import type { Me } from '@/contract'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../../selection/routes'
import { ActionButton } from '../action-button'
import { Card } from '../card'

export function ExpertEntry({ me }: { me: Pick<Me, 'role'> }) {
  if (me.role !== 'expert') return null
  return (
    <Card className='expert-entry'>
      <Text className='expert-entry__title'>典型案例评审</Text>
      <Text className='expert-entry__text'>为组委会分配给您的类别中的案例打分（0–100 分），结果公布前可以修改。</Text>
      <View className='expert-entry__action'>
        <ActionButton onClick={() => openPage(selectionRoutes.score())}>开始评审</ActionButton>
      </View>
    </Card>
  )
}
