// SignupForm: the sign-up form of one slot (person, services, note, consent, reminder, submit).
export { SignupForm } from './signup-form'
export type { SignupFormProps } from './signup-form'
