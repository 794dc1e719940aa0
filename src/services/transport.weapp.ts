// WeChat transport: cloud.callFunction; identity is attached by the platform, never by us.
import Taro from '@tarojs/taro'
import type { CallEnvelope } from '@/contract'

export async function invoke(name: string, envelope: CallEnvelope): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name, data: envelope as unknown as Record<string, unknown> })
  return res.result
}
