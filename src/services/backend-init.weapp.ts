// WeChat: connect to the CloudBase environment (CLOUD_ENV at build time, else DevTools' current one).
import Taro from '@tarojs/taro'

export function initBackend(): void {
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true })
}
