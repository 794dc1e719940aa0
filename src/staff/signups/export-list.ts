// 导出 Excel: asks the clinicAdmin function for the .xlsx, says how many rows and whether masked, then
// opens the one-hour link (platform file utils/open-file); if it cannot be opened, copies the link.
import Taro from '@tarojs/taro'
import type { InputOf } from '@/contract'
import { call } from '@/services/client'
import { openExport } from '../utils/open-file'

export async function exportList(input: InputOf<'clinicAdmin', 'exportSignups'>): Promise<void> {
  Taro.showLoading({ title: '正在生成名单…', mask: true })
  const res = await call('clinicAdmin', 'exportSignups', input)
  Taro.hideLoading()
  if (!res.ok) {
    await Taro.showModal({ title: '导出失败', content: res.message, showCancel: false })
    return
  }
  const masked = res.data.masked ? '姓名和手机号已隐去部分。' : '含完整姓名和手机号，已记入审计日志，请妥善保管、用后删除。'
  await Taro.showModal({
    title: '名单已生成',
    content: `「${res.data.fileName}」共 ${res.data.rows} 条。${masked}链接 1 小时内有效。`,
    showCancel: false,
    confirmText: '打开',
  })
  try {
    await openExport(res.data.url, res.data.fileName)
  } catch {
    await Taro.setClipboardData({ data: res.data.url })
    await Taro.showToast({ title: '无法直接打开，链接已复制', icon: 'none' })
  }
}
