// The form's client-side checks and the `clinic.signUp` schema the server applies give each sample its
// pinned outcome: both accept what a clinic should accept and both refuse the rest.
import { clinicContract } from '@/contract/clinic-contract'
import { placeIssues } from '@/utils/field-issues'
import { initialForm, signupFieldOf, toSignUpInput, validateForm, type SignupForm } from '../utils/signup-form'

const good: SignupForm = {
  ...initialForm(['两癌筛查']), name: '王秀英', phone: '13812341234', category: 'woman', agree: true,
}

const samples: Array<[string, Partial<SignupForm>, boolean]> = [
  ['valid', {}, true],
  ['name with 间隔号', { name: '阿依古丽·买买提' }, true],
  ['latin name', { name: 'Mary Lee' }, true],
  ['empty name', { name: '  ' }, false],
  ['digits in name', { name: '王2' }, false],
  ['long name', { name: '王'.repeat(21) }, false],
  ['20-char name', { name: '王'.repeat(20) }, true],
  ['short phone', { phone: '1381234123' }, false],
  ['landline', { phone: '02312345678' }, false],
  ['12 phone', { phone: '12812341234' }, false],
  ['phone with spaces around', { phone: ' 13812341234 ' }, true],
  ['child without birth month', { relation: 'child', category: 'child' }, false],
  ['child with birth month', { relation: 'child', category: 'child', birthMonth: '2019-03' }, true],
  ['child with bad month', { relation: 'child', category: 'child', birthMonth: '2019-13' }, false],
  ['family child category', { relation: 'family', category: 'child', birthMonth: '2020-01' }, true],
  ['herself as a child', { relation: 'self', category: 'child', birthMonth: '2019-03' }, false],
  ['a child as 孕产妇', { relation: 'child', category: 'pregnant', birthMonth: '2019-03' }, false],
  ['a pregnant family member with a stale birth month', { relation: 'family', category: 'pregnant', birthMonth: '2019-03' }, true],
  ['no services', { services: [] }, false],
  ['long note', { note: '备'.repeat(201) }, false],
  ['200-char note', { note: '备'.repeat(200) }, true],
  ['no consent', { agree: false }, false],
]

test.each(samples)('%s: accepted = %s by the form and by the schema alike', (_name, patch, accepted) => {
  const form = { ...good, ...patch }
  const input = { ...toSignUpInput('banan-0625am', form, true, false), agreePrivacy: form.agree }
  expect(Object.keys(validateForm(form)).length === 0).toBe(accepted)
  expect(clinicContract.signUp.input.safeParse(input).success).toBe(accepted)
})

test('server issue paths land on the form fields', () => {
  const { fields, other } = placeIssues([
    { path: 'person.phone', message: 'a' }, { path: 'services.1', message: 'b' }, { path: 'agreePrivacy', message: 'c' }, { path: '(整体)', message: 'd' },
  ], signupFieldOf)
  expect(fields).toEqual({ phone: 'a', services: 'b', agree: 'c' })
  expect(other).toEqual(['d'])
})
