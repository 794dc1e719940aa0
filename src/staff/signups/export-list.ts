// 导出 Excel: asks the clinicAdmin function for an export job and keeps polling exportStatus (each call
// works the job further on the server) while it runs, reporting 已处理 N / M 条; once done, says how many
// rows and whether masked, then opens the one-hour link (platform file utils/open-file); if it cannot be
// opened, copies the link.
import Taro from '@tarojs/taro'
import type { ExportFile, ExportJob, InputOf, Result } from '@/contract'
import { call } from '@/services/client'
import { openExport } from '../utils/open-file'

export const progressLine = (job: Pick<ExportJob, 'done' | 'total'>) => `正在导出：已处理 ${job.done} / ${Math.max(job.total, job.done)} 条`

/** Polls a running job until it is done or failed (or `stopped()`); the last answer. */
export async function followExport(first: Result<ExportJob | null>, onProgress: (job: ExportJob) => void, stopped: () => boolean = () => false): Promise<Result<ExportJob | null>> {
  let res = first
  while (res.ok && res.data && (res.data.state === 'running' || res.data.state === 'queued') && !stopped()) {
    onProgress(res.data)
    res = await call('clinicAdmin', 'exportStatus', { jobId: res.data.jobId })
  }
  return res
}

/** Tells the result and opens the file. */
export async function deliverExport(file: ExportFile): Promise<void> {
  const masked = file.masked ? '姓名和手机号已隐去部分。' : '含完整姓名和手机号，已记入审计日志，请妥善保管、用后删除。'
  await Taro.showModal({
    title: '名单已生成',
    content: `「${file.fileName}」共 ${file.rows} 条。${masked}链接 1 小时内有效。`,
    showCancel: false,
    confirmText: '打开',
  })
  try {
    await openExport(file.url, file.fileName)
  } catch {
    await Taro.setClipboardData({ data: file.url })
    await Taro.showToast({ title: '无法直接打开，链接已复制', icon: 'none' })
  }
}

/** Why a finished answer has no file, in words that say what to do. */
export function exportFailure(res: Result<ExportJob | null>): string | null {
  if (!res.ok) return res.message
  if (!res.data) return null
  if (res.data.state === 'failed') return `导出未完成：${res.data.error ?? '服务暂时出错'}。请重新导出`
  if (res.data.state === 'done' && !res.data.file) return res.data.error ?? '文件已删除，请重新导出'
  return null
}

export async function exportList(input: InputOf<'clinicAdmin', 'exportSignups'>, onProgress: (job: ExportJob) => void): Promise<void> {
  const res = await followExport(await call('clinicAdmin', 'exportSignups', input), onProgress)
  const failure = exportFailure(res)
  if (failure) {
    await Taro.showModal({ title: '导出失败', content: failure, showCancel: false })
    return
  }
  if (res.ok && res.data?.file) await deliverExport(res.data.file)
}
