// The free-clinic card for 我的 (or the home page): 义诊报名 and 我的报名, each a big button.
import { Text, View } from '@tarojs/components'
import { openPage } from '@/utils/nav'
import { clinicRoutes } from '../../clinic/routes'
import { ActionButton } from '../action-button'
import { Card } from '../card'

export function ClinicEntry() {
  return (
    <Card className='clinic-entry'>
      <Text className='clinic-entry__title'>🩺 便民惠民义诊</Text>
      <Text className='clinic-entry__text'>专家义诊送到家门口：在线报名，到场出示签到码。</Text>
      <View className='clinic-entry__actions'>
        <View className='clinic-entry__action'>
          <ActionButton onClick={() => openPage(clinicRoutes.slots)}>义诊报名</ActionButton>
        </View>
        <View className='clinic-entry__action'>
          <ActionButton kind='plain' onClick={() => openPage(clinicRoutes.mine)}>我的报名</ActionButton>
        </View>
      </View>
    </Card>
  )
}
