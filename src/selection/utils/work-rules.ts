// Client checks shared by the work forms, with the same limits and wording as the function's validators
// (src/contract/selection-contract.ts), so most mistakes are caught before anything is sent.
import { WORK_LIMITS } from '@/contract/selection'
import type { PhotoItem } from './picked'

export function titleError(title: string, label = '作品标题', min = 1): string | undefined {
  const text = title.trim()
  if (!text) return `请填写${label}`
  if (text.length < min) return `${label}至少 ${min} 个字`
  if (text.length > WORK_LIMITS.titleMax) return `${label}最多 ${WORK_LIMITS.titleMax} 个字`
  return undefined
}

export function storyError(story: string, label: string): string | undefined {
  return story.trim().length > WORK_LIMITS.storyMax ? `${label}最多 ${WORK_LIMITS.storyMax} 字` : undefined
}

export function photosError(photos: PhotoItem[]): string | undefined {
  if (photos.length === 0) return '请至少添加 1 张照片'
  if (photos.some((p) => p.state === 'uploading')) return '照片还在上传，请稍候再提交'
  if (photos.some((p) => p.state === 'failed')) return '有照片上传失败，请点重试或删除后再提交'
  return undefined
}

export function consentError(showsChild: boolean, guardianConsent: boolean): string | undefined {
  return showsChild && !guardianConsent ? '作品中有儿童时，需由监护人勾选同意后才能提交' : undefined
}

/** Drops the undefined entries, so an empty object means "no errors". */
export function compact<K extends string>(errors: Record<K, string | undefined>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {}
  for (const key of Object.keys(errors) as K[]) {
    const message = errors[key]
    if (message !== undefined) out[key] = message
  }
  return out
}
