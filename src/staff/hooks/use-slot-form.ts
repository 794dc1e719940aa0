// The slot form on the shared form hook: required fields checked here, the rest (times in order, quota
// not below places taken …) by the server, whose issues land beside their fields. An edit sends only
// what changed (nothing changed: it says so and sends nothing); after saving, back to where staff came from.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { ClinicSlotDetail } from '@/contract'
import { call } from '@/services/client'
import { useForm } from '@/hooks/use-form'
import { firstSegmentIn } from '@/utils/field-issues'
import { staffRoutes } from '../routes'
import { emptySlotForm, slotToForm, toCreateInput, toUpdateInput, validateSlotForm, type SlotForm, type SlotFormKey } from '../utils/slot-form'

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
  const changes = (f: SlotForm) => (slot ? toUpdateInput(slot._id, f, original) : null)
  const { form, errors, formError, pending, update, submit } = useForm({
    initial: original,
    validate: validateSlotForm,
    fieldOf: firstSegmentIn(Object.keys(original) as SlotFormKey[]),
    invalidMessage: '请按红色提示修改后再保存',
    blocked: (f) => (slot && !changes(f) ? '没有修改任何内容' : ''),
    send: (f) => {
      const change = changes(f)
      return change ? call('clinic', 'updateSlot', change) : call('clinic', 'createSlot', toCreateInput(f))
    },
    done: (data) => saved(data, !slot),
  })
  return { form, errors, formError, pending, update, save: submit }
}
