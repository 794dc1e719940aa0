// The slot form's state and its save: required fields checked here, the rest (times in order, quota
// not below places taken …) by the server, whose issues land beside their fields. One save at a time.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ClinicSlotDetail } from '@/contract'
import { call } from '@/services/client'
import { staffRoutes } from '../routes'
import {
  emptySlotForm, slotIssues, slotToForm, toCreateInput, toUpdateInput, validateSlotForm, type SlotForm, type SlotFormErrors,
} from '../utils/slot-form'

async function saved(slot: ClinicSlotDetail, created: boolean): Promise<void> {
  await Taro.showModal({
    title: created ? '场次已创建' : '修改已保存',
    content: `「${slot.title}」已保存，居民在义诊报名中即可看到。`,
    showCancel: false,
    confirmText: '好的',
  }).catch(() => undefined)
  Taro.navigateBack().catch(() => Taro.redirectTo({ url: staffRoutes.checkIn }).catch(() => undefined))
}

export function useSlotForm(slot: ClinicSlotDetail | null, venueId: string) {
  const [original] = useState<SlotForm>(() => (slot ? slotToForm(slot) : emptySlotForm(venueId)))
  const [form, setForm] = useState<SlotForm>(original)
  const [errors, setErrors] = useState<SlotFormErrors>({})
  const [formError, setFormError] = useState('')
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  const update = (patch: Partial<SlotForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    setErrors((e) => {
      const next = { ...e }
      for (const key of Object.keys(patch)) delete next[key as keyof SlotForm]
      return next
    })
  }

  const save = async () => {
    if (busy.current) return
    const found = validateSlotForm(form)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setFormError('请按红色提示修改后再保存')
      return
    }
    const change = slot ? toUpdateInput(slot._id, form, original) : null
    if (slot && !change) {
      setFormError('没有修改任何内容')
      return
    }
    busy.current = true
    setPending(true)
    setFormError('')
    const result = change ? await call('clinic', 'updateSlot', change) : await call('clinic', 'createSlot', toCreateInput(form))
    if (result.ok) {
      await saved(result.data, !slot)
      return
    }
    busy.current = false
    setPending(false)
    const { fields, other } = slotIssues(result.issues, form)
    setErrors(fields)
    setFormError(other.length > 0 ? other.join('；') : result.message)
  }

  return { form, errors, formError, pending, update, save }
}
