// 页面不存在: where an unknown or outdated link lands (an old share, a mistyped address), with the way
// back to 首页 instead of a blank screen. The app's page-not-found handler redirects here.
import { View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { Empty } from '@/components/state-view'
import { openTab, routes } from '@/utils/nav'
import './index.scss'

export default function NotFoundPage() {
  return (
    <View className='not-found-page'>
      <Empty
        title='页面不存在'
        hint='这个链接可能已经过期或输入有误。'
        action={<ActionButton onClick={() => openTab(routes.home)}>返回首页</ActionButton>}
      />
    </View>
  )
}
