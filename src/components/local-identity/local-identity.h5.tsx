// Local runtime (h5) only: the entry to the demo sign-in page, so testers can act as any demo identity.
import { Text } from '@tarojs/components'
import { openPage, routes } from '@/utils/nav'
import { ActionButton } from '../action-button'
import { Card } from '../card'

export function LocalIdentity() {
  return (
    <Card className='local-identity'>
      <Text className='local-identity__title'>本地演示模式</Text>
      <Text className='local-identity__text'>可切换为居民、分会场工作人员、组委会或评审专家，体验不同身份。</Text>
      <ActionButton kind='plain' onClick={() => openPage(routes.localSignIn)}>切换演示身份</ActionButton>
    </Card>
  )
}
