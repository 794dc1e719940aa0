// Festival home (placeholder while the page is built).
import { View } from '@tarojs/components'

export default function Home() {
  return <View>首页</View>
}
