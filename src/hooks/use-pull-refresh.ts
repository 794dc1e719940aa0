// Pull-down refresh for pages whose config has enablePullDownRefresh: reload, then close the spinner.
import Taro, { usePullDownRefresh } from '@tarojs/taro'

export function usePullRefresh(reload: () => Promise<void>): void {
  usePullDownRefresh(() => {
    void reload().then(() => Taro.stopPullDownRefresh())
  })
}
