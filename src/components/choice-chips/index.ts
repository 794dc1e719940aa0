// ChoiceChips: single or multiple choice as big chips (styles loaded by the subpackages using them).
export { ChoiceChips } from './choice-chips'
export type { ChoiceChipsProps, ChoiceOption } from './choice-chips'
