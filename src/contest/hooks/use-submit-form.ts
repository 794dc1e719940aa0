// One submit flow for every work form (photo, video, case): the form's fields, client checks first (the
// form's `validate`), then one selection.submit at a time with the input the form's `build` makes (a
// double tap, or a tap while 我的作品 replaces the page after success, does nothing). Server issues land
// under the field `fieldOf` maps their path to; anything else shows above the button.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { FieldIssue, InputOf } from '@/contract'
import { call } from '@/services/client'
import { contestRoutes } from '../routes'

export type SubmitInput = InputOf<'selection', 'submit'>
export type FormErrors<K extends string> = Partial<Record<K, string>>

export interface SubmitSpec<F, K extends string> {
  initial: F
  validate: (form: F) => FormErrors<K>
  build: (form: F) => SubmitInput
  /** The form field a server issue's path belongs to (e.g. applicant.person → person). */
  fieldOf: (path: string) => K | undefined
}

function byField<K extends string>(issues: FieldIssue[] | undefined, fieldOf: (path: string) => K | undefined): FormErrors<K> {
  const errors: FormErrors<K> = {}
  for (const issue of issues ?? []) {
    const key = fieldOf(issue.path)
    if (key !== undefined && errors[key] === undefined) errors[key] = issue.message
  }
  return errors
}

/** The usual mapping: the path's first segment when it is one of the form's fields. */
export const firstSegmentIn = <K extends string>(fields: readonly K[]) => (path: string): K | undefined => {
  const head = path.split('.')[0] as K
  return fields.includes(head) ? head : undefined
}

export function useSubmitForm<F extends object, K extends string>(spec: SubmitSpec<F, K>) {
  const [form, setForm] = useState<F>(spec.initial)
  const [errors, setErrors] = useState<FormErrors<K>>({})
  const [formError, setFormError] = useState('')
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  /** Drops the errors of fields the user has just changed. */
  const clear = (...keys: string[]) => {
    setErrors((e) => {
      const next = { ...e }
      for (const key of keys) delete next[key as K]
      return next
    })
  }

  const update = (change: Partial<F>) => {
    setForm((f) => ({ ...f, ...change }))
    clear(...Object.keys(change))
  }

  const submit = async () => {
    if (busy.current) return
    const found = spec.validate(form)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setFormError('请按红色提示修改后再提交')
      return
    }
    busy.current = true
    setPending(true)
    setFormError('')
    const result = await call('selection', 'submit', spec.build(form))
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
    setErrors(byField(result.issues, spec.fieldOf))
    setFormError(result.message)
  }

  return { form, errors, formError, pending, update, clear, submit }
}
