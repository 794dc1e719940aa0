// One form's state and its submission, for every form that sends itself to a cloud function (义诊报名,
// 义诊场次, the selections' works): the fields, the form's own checks first, then one send at a time — a
// double tap, or a tap while the form's `done` shows the outcome and leaves the page, sends nothing.
// The server's issues land under the field `fieldOf` maps their path to; a failed send keeps all
// that was typed and shows why above the button.
import { useRef, useState } from 'react'
import type { Result } from '@/contract'
import { placeIssues, type FormErrors } from '@/utils/field-issues'

export type { FormErrors } from '@/utils/field-issues'

export interface FormSpec<F, K extends string, T> {
  initial: F | (() => F)
  validate: (form: F) => FormErrors<K>
  /** The field a server issue's path belongs to (e.g. person.phone → phone); undefined for none. */
  fieldOf: (path: string) => K | undefined
  /** Called in the same tap as submit, with no wait before it (WeChat's subscribe prompt needs the tap). */
  send: (form: F) => Promise<Result<T>>
  /** After success; the form stays pending, so further taps do nothing while it shows the outcome. */
  done: (data: T, form: F) => Promise<void> | void
  /** A reason not to send once the fields pass (e.g. 没有修改任何内容), or '' to send. */
  blocked?: (form: F) => string
  /** Shown above the button when the form's own checks fail. */
  invalidMessage?: string
  /** Issues no field takes: listed above the button ('list', the default) or left to the failure's message. */
  unplaced?: 'list' | 'message'
}

export function useForm<F extends object, K extends string, T>(spec: FormSpec<F, K, T>) {
  const [form, setForm] = useState<F>(spec.initial)
  const [errors, setErrors] = useState<FormErrors<K>>({})
  const [formError, setFormError] = useState('')
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  /** Drops the errors of the named fields, or every error when none is named. */
  const clear = (...keys: string[]) => {
    setErrors((e) => {
      if (keys.length === 0) return {}
      const next = { ...e }
      for (const key of keys) delete next[key as K]
      return next
    })
  }

  /** Changes the form without touching its errors. */
  const edit = (change: (f: F) => F) => setForm(change)

  /** Changes some fields and drops their errors. */
  const update = (patch: Partial<F>) => {
    setForm((f) => ({ ...f, ...patch }))
    const keys = Object.keys(patch)
    if (keys.length > 0) clear(...keys)
  }

  const submit = async () => {
    if (busy.current) return
    const found = spec.validate(form)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setFormError(spec.invalidMessage ?? '请按红色提示修改后再提交')
      return
    }
    const reason = spec.blocked?.(form) ?? ''
    if (reason) {
      setFormError(reason)
      return
    }
    busy.current = true
    setPending(true)
    setFormError('')
    const result = await spec.send(form)
    if (result.ok) {
      await spec.done(result.data, form)
      return
    }
    busy.current = false
    setPending(false)
    const { fields, other } = placeIssues(result.issues, spec.fieldOf)
    setErrors(fields)
    // When every issue sits beside its field, the line above the button only points there: repeating
    // the issue (「提交的内容有误：…」) would show the same words twice.
    const allPlaced = other.length === 0 && Object.keys(fields).length > 0
    if (allPlaced) setFormError(spec.invalidMessage ?? '请按红色提示修改后再提交')
    else setFormError(spec.unplaced !== 'message' && other.length > 0 ? other.join('；') : result.message)
  }

  return { form, errors, formError, pending, update, edit, clear, submit }
}
