// The sign-up form's state and its one submission at a time: client checks first, then (in WeChat)
// the subscribe-message prompt inside the same tap, then clinic.signUp. A second tap while one is
// pending, or after success while 我的报名 replaces the page, does nothing. The server's field issues
// land beside their fields.
import { useRef, useState } from 'react'
import type { ClinicSlotDetail, PersonRelation, SignupPerson } from '@/contract'
import { call } from '@/services/client'
import { requestReminderPermission } from '../utils/subscribe'
import {
  initialForm, issuesToErrors, toSignUpInput, validateForm, withPerson, withRelation, type FormErrors, type SignupForm,
} from '../utils/signup-form'
import { showOutcome } from '../utils/outcome'

export function useSignupForm(slot: ClinicSlotDetail, lastEntries: readonly SignupPerson[]) {
  const [form, setForm] = useState<SignupForm>(() => initialForm(slot.services, lastEntries[0]))
  const [errors, setErrors] = useState<FormErrors>({})
  const [formError, setFormError] = useState('')
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  const update = (patch: Partial<SignupForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    setErrors((e) => {
      const next = { ...e }
      for (const key of Object.keys(patch)) delete next[key as keyof FormErrors]
      return next
    })
  }
  const setRelation = (relation: PersonRelation) => {
    setForm((f) => withRelation(f, relation))
    setErrors((e) => ({ ...e, relation: undefined, category: undefined }))
  }
  const choosePerson = (person: SignupPerson) => {
    setForm((f) => withPerson(f, person))
    setErrors({})
  }
  const toggleService = (service: string) => update({
    services: form.services.includes(service) ? form.services.filter((s) => s !== service) : [...form.services, service],
  })

  const submit = async () => {
    if (busy.current) return
    const found = validateForm(form)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setFormError('请按红色提示修改后再提交')
      return
    }
    busy.current = true
    setPending(true)
    setFormError('')
    const remind = form.remind ? await requestReminderPermission() : false
    const joinWaitlist = slot.status === 'full'
    const result = await call('clinic', 'signUp', toSignUpInput(slot._id, form, remind, joinWaitlist))
    if (result.ok) {
      await showOutcome(result.data, form.remind && !remind)
      return
    }
    busy.current = false
    setPending(false)
    const { fields, other } = issuesToErrors(result.issues)
    setErrors(fields)
    setFormError(other.length > 0 ? other.join('；') : result.message)
  }

  return { form, errors, formError, pending, update, setRelation, choosePerson, toggleService, submit }
}
