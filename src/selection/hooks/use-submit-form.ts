// The work forms' submit (photo, video, case) on the shared form hook: the form's `build` becomes one
// selection.submit (selection.resubmit when correcting a rejected work, from its draft); success says 审核中 and replaces the page with 我的作品. Issues no field takes are
// left to the failure's own message.
import Taro from '@tarojs/taro'
import type { InputOf } from '@/contract'
import { call } from '@/services/client'
import { useForm, type FormErrors } from '@/hooks/use-form'
import { selectionRoutes } from '../routes'
import { prefill, useRedo } from './use-redo'

type SubmitInput = InputOf<'selection', 'submit'>

export interface SubmitSpec<F, K extends string> {
  initial: F
  validate: (form: F) => FormErrors<K>
  build: (form: F) => SubmitInput
  /** The form field a server issue's path belongs to (e.g. applicant.person → person). */
  fieldOf: (path: string) => K | undefined
}

async function submitted(): Promise<void> {
  await Taro.showModal({
    title: '提交成功，审核中',
    content: '作品审核通过后会获得编号并公开展示，审核结果可在「我的作品」查看。',
    showCancel: false,
    confirmText: '我知道了',
  }).catch(() => undefined)
  Taro.redirectTo({ url: selectionRoutes.mine }).catch(() => Taro.navigateTo({ url: selectionRoutes.mine }).catch(() => undefined))
}

export function useSubmitForm<F extends object, K extends string>(spec: SubmitSpec<F, K>) {
  const redo = useRedo()
  const { form, errors, formError, pending, update, clear, submit } = useForm({
    initial: () => prefill(spec.initial, redo?.draft),
    validate: spec.validate,
    fieldOf: (path: string) => spec.fieldOf(redo ? path.replace(/^work\./, '') : path),
    send: (f: F) => (redo ? call('selection', 'resubmit', { workId: redo._id, work: spec.build(f) }) : call('selection', 'submit', spec.build(f))),
    done: submitted,
    unplaced: 'message',
  })
  return { form, errors, formError, pending, update, clear, submit }
}
