// The photo-work form: title, story, 作品中有儿童 + guardian consent, and the photos (uploaded as chosen).
// Client checks first; then one selection.submit at a time with the uploaded fileIDs (a double tap, or
// a tap while 我的作品 replaces the page after success, does nothing). Server issues land by their field.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { FieldIssue } from '@/contract'
import { WORK_LIMITS } from '@/contract/selection'
import { call } from '@/services/client'
import { contestRoutes } from '../routes'
import type { PhotoItem } from '../utils/picked'

export interface PhotoForm {
  title: string
  story: string
  showsChild: boolean
  guardianConsent: boolean
}

export type FormErrors = Partial<Record<'title' | 'story' | 'images' | 'guardianConsent', string>>

export function validate(form: PhotoForm, photos: PhotoItem[]): FormErrors {
  const errors: FormErrors = {}
  const title = form.title.trim()
  if (!title) errors.title = '请填写作品标题'
  else if (title.length > WORK_LIMITS.titleMax) errors.title = `标题最多 ${WORK_LIMITS.titleMax} 个字`
  if (form.story.trim().length > WORK_LIMITS.storyMax) errors.story = `故事最多 ${WORK_LIMITS.storyMax} 字`
  if (photos.length === 0) errors.images = '请至少添加 1 张照片'
  else if (photos.some((p) => p.state === 'uploading')) errors.images = '照片还在上传，请稍候再提交'
  else if (photos.some((p) => p.state === 'failed')) errors.images = '有照片上传失败，请点重试或删除后再提交'
  if (form.showsChild && !form.guardianConsent) errors.guardianConsent = '作品中有儿童时，需由监护人勾选同意后才能提交'
  return errors
}

function byField(issues: FieldIssue[] | undefined): FormErrors {
  const errors: FormErrors = {}
  for (const issue of issues ?? []) {
    const key = issue.path.split('.')[0]
    if (key === 'title' || key === 'story' || key === 'images' || key === 'guardianConsent') errors[key] = issue.message
  }
  return errors
}

export function useSubmitForm(selectionId: string, photos: PhotoItem[]) {
  const [form, setForm] = useState<PhotoForm>({ title: '', story: '', showsChild: false, guardianConsent: false })
  const [errors, setErrors] = useState<FormErrors>({})
  const [formError, setFormError] = useState('')
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  const update = (change: Partial<PhotoForm>) => {
    setForm((f) => ({ ...f, ...change }))
    setErrors((e) => {
      const next = { ...e }
      for (const key of Object.keys(change)) delete next[key as keyof FormErrors]
      return next
    })
  }

  const submit = async () => {
    if (busy.current) return
    const found = validate(form, photos)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setFormError('请按红色提示修改后再提交')
      return
    }
    busy.current = true
    setPending(true)
    setFormError('')
    const result = await call('selection', 'submit', {
      kind: 'photo', selectionId, title: form.title.trim(), story: form.story.trim(),
      images: photos.map((p) => p.fileID ?? ''), showsChild: form.showsChild, guardianConsent: form.showsChild && form.guardianConsent,
    })
    if (result.ok) {
      await Taro.showModal({
        title: '提交成功，审核中',
        content: '作品审核通过后会获得编号并公开展示，审核结果可在「我的作品」查看。',
        showCancel: false,
        confirmText: '我知道了',
      }).catch(() => undefined)
      Taro.redirectTo({ url: contestRoutes.mine }).catch(() => Taro.navigateTo({ url: contestRoutes.mine }).catch(() => undefined))
      return
    }
    busy.current = false
    setPending(false)
    setErrors(byField(result.issues))
    setFormError(result.message)
  }

  return { form, errors, formError, pending, update, submit }
}
