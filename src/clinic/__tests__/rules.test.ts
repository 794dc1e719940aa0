// The form's client-side checks agree with the `clinic.signUp` schema the server applies: every
// sample the form accepts the schema accepts, and every sample it refuses the schema refuses.
import { clinicActions } from '@/contract/clinic-schemas'
import { placeIssues } from '@/utils/field-issues'
import { initialForm, signupFieldOf, toSignUpInput, validateForm, type SignupForm } from '../utils/signup-form'

const good: SignupForm = {
  ...initialForm(['两癌筛查']), name: '王秀英', phone: '13812341234', category: 'woman', agree: true,
}

const samples: Array<[string, Partial<SignupForm>]> = [
  ['valid', {}],
  ['name with 间隔号', { name: '阿依古丽·买买提' }],
  ['latin name', { name: 'Mary Lee' }],
  ['empty name', { name: '  ' }],
  ['digits in name', { name: '王2' }],
  ['long name', { name: '王'.repeat(21) }],
  ['20-char name', { name: '王'.repeat(20) }],
  ['short phone', { phone: '1381234123' }],
  ['landline', { phone: '02312345678' }],
  ['12 phone', { phone: '12812341234' }],
  ['phone with spaces around', { phone: ' 13812341234 ' }],
  ['child without birth month', { relation: 'child', category: 'child' }],
  ['child with birth month', { relation: 'child', category: 'child', birthMonth: '2019-03' }],
  ['child with bad month', { relation: 'child', category: 'child', birthMonth: '2019-13' }],
  ['family child category', { relation: 'family', category: 'child', birthMonth: '2020-01' }],
  ['no services', { services: [] }],
  ['long note', { note: '备'.repeat(201) }],
  ['200-char note', { note: '备'.repeat(200) }],
  ['no consent', { agree: false }],
]

test.each(samples)('%s: form and schema agree', (_name, patch) => {
  const form = { ...good, ...patch }
  const formOk = Object.keys(validateForm(form)).length === 0
  const input = { ...toSignUpInput('banan-0625am', form, true, false), agreePrivacy: form.agree }
  expect(clinicActions.signUp.safeParse(input).success).toBe(formOk)
})

test('server issue paths land on the form fields', () => {
  const { fields, other } = placeIssues([
    { path: 'person.phone', message: 'a' }, { path: 'services.1', message: 'b' }, { path: 'agreePrivacy', message: 'c' }, { path: '(整体)', message: 'd' },
  ], signupFieldOf)
  expect(fields).toEqual({ phone: 'a', services: 'b', agree: 'c' })
  expect(other).toEqual(['d'])
})
