// The sign-up form on the shared form hook: client checks first, then (in WeChat) the subscribe-message
// prompt inside the same tap, then clinic.signUp (加入候补 when the slot is full, or became full while the
// form was open: then the form switches to 加入候补 in place, keeping what was typed); the outcome screen
// follows while 我的报名 replaces the page. Choosing a relation or an earlier person fills fields.
import { useState } from 'react'
import { ok, type ClinicSlotDetail, type PersonRelation, type SignupPerson } from '@/contract'
import { call } from '@/services/client'
import { useForm } from '@/hooks/use-form'
import { requestReminderPermission } from '../utils/subscribe'
import { initialForm, signupFieldOf, toSignUpInput, validateForm, withPerson, withRelation, type SignupForm } from '../utils/signup-form'
import { showOutcome } from '../utils/outcome'

export function useSignupForm(slot: ClinicSlotDetail, lastEntries: readonly SignupPerson[]) {
  const [full, setFull] = useState(slot.status === 'full')
  const { form, errors, formError, pending, update, edit, clear, submit } = useForm({
    initial: () => initialForm(slot.services, lastEntries[0]),
    validate: validateForm,
    fieldOf: signupFieldOf,
    send: async (f: SignupForm) => {
      const remind = f.remind ? await requestReminderPermission() : false
      const result = await call('clinic', 'signUp', toSignUpInput(slot._id, f, remind, full))
      if (!result.ok && result.issues?.some((issue) => issue.path === 'joinWaitlist')) setFull(true)
      return result.ok ? ok({ outcome: result.data, declined: f.remind && !remind }) : result
    },
    done: ({ outcome, declined }) => showOutcome(outcome, declined),
  })

  const setRelation = (relation: PersonRelation) => {
    edit((f) => withRelation(f, relation))
    clear('relation', 'category')
  }
  const choosePerson = (person: SignupPerson) => {
    edit((f) => withPerson(f, person))
    clear()
  }
  const toggleService = (service: string) => update({
    services: form.services.includes(service) ? form.services.filter((s) => s !== service) : [...form.services, service],
  })

  return { form, full, errors, formError, pending, update, setRelation, choosePerson, toggleService, submit }
}
