// The sign-up form's state, its checks, the `clinic.signUp` input it becomes, and the server's field
// issues mapped back onto its fields (issue paths such as 'person.phone').
import type { ClinicCategory, InputOf, PersonRelation, SignupPerson } from '@/contract'
import { personMismatch } from '@/contract/clinic'
import type { FormErrors as ErrorsOf } from '@/utils/field-issues'
import { BIRTH_MONTH_PATTERN, MESSAGES, nameError, phoneError } from './rules'

export interface SignupForm {
  relation: PersonRelation
  name: string
  phone: string
  category: ClinicCategory | ''
  birthMonth: string
  services: string[]
  note: string
  agree: boolean
  remind: boolean
}

export type FormKey = 'relation' | 'name' | 'phone' | 'category' | 'birthMonth' | 'services' | 'note' | 'agree'
export type FormErrors = ErrorsOf<FormKey>

const PATHS: Record<string, FormKey> = {
  'person.relation': 'relation',
  'person.name': 'name',
  'person.phone': 'phone',
  'person.category': 'category',
  'person.birthMonth': 'birthMonth',
  services: 'services',
  note: 'note',
  agreePrivacy: 'agree',
}

/** A fresh form for a slot: prefilled with the person entered last time, one-service slots preselected. */
export function initialForm(slotServices: readonly string[], last?: SignupPerson): SignupForm {
  const base: SignupForm = {
    relation: 'self', name: '', phone: '', category: '', birthMonth: '',
    services: slotServices.length === 1 ? [...slotServices] : [], note: '', agree: false, remind: true,
  }
  return last ? withPerson(base, last) : base
}

/** Fills the form from an earlier entry, made consistent (an entry saved before the rule may disagree). */
export function withPerson(form: SignupForm, person: SignupPerson): SignupForm {
  const category = person.relation === 'child' ? 'child' : person.relation === 'self' && person.category === 'child' ? '' : person.category
  return {
    ...form,
    relation: person.relation, name: person.name, phone: person.phone, category, birthMonth: category === 'child' ? person.birthMonth ?? '' : '',
  }
}

/** Choosing 孩子 makes the category 儿童; leaving it clears a 儿童 category. */
export function withRelation(form: SignupForm, relation: PersonRelation): SignupForm {
  if (relation === 'child') return { ...form, relation, category: 'child' }
  return { ...form, relation, category: form.category === 'child' ? '' : form.category }
}

export function needsBirthMonth(form: Pick<SignupForm, 'relation' | 'category'>): boolean {
  return form.relation === 'child' || form.category === 'child'
}

export function validateForm(form: SignupForm): FormErrors {
  const errors: FormErrors = {}
  const name = nameError(form.name)
  if (name) errors.name = name
  const phone = phoneError(form.phone)
  if (phone) errors.phone = phone
  if (!form.category) errors.category = MESSAGES.category
  if (needsBirthMonth(form)) {
    if (!form.birthMonth) errors.birthMonth = MESSAGES.birthMonthMissing
    else if (!BIRTH_MONTH_PATTERN.test(form.birthMonth)) errors.birthMonth = MESSAGES.birthMonth
  }
  const mismatch = personMismatch({ ...form, birthMonth: needsBirthMonth(form) ? form.birthMonth : undefined })
  if (mismatch && !errors[mismatch.field]) errors[mismatch.field] = mismatch.message
  if (form.services.length === 0) errors.services = MESSAGES.services
  if (form.note.trim().length > 200) errors.note = MESSAGES.note
  if (!form.agree) errors.agree = MESSAGES.agree
  return errors
}

type SignUpInput = InputOf<'clinic', 'signUp'>

export function toSignUpInput(slotId: string, form: SignupForm, remind: boolean, joinWaitlist: boolean): SignUpInput {
  const person: SignUpInput['person'] = {
    relation: form.relation,
    name: form.name.trim(),
    phone: form.phone.trim(),
    category: form.category || 'other',
    ...(needsBirthMonth(form) ? { birthMonth: form.birthMonth } : {}),
  }
  const note = form.note.trim()
  return {
    slotId, person, services: form.services, agreePrivacy: true, remind,
    ...(note ? { note } : {}),
    ...(joinWaitlist ? { joinWaitlist: true } : {}),
  }
}

/** 'services.1' belongs to services, 'person.name' to name. */
export function signupFieldOf(path: string): FormKey | undefined {
  const parts = path.split('.')
  return PATHS[path] ?? PATHS[parts.slice(0, 2).join('.')] ?? PATHS[parts[0] ?? '']
}

