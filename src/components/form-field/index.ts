// Form pieces: FormField (label, hint, error), FieldInput, FieldTextarea and PickerBox. Their styles
// (index.scss) are loaded by the stylesheets of the subpackages that use them.
export { FormField } from './form-field'
export type { FormFieldProps } from './form-field'
export { FieldInput } from './field-input'
export type { FieldInputProps } from './field-input'
export { FieldTextarea } from './field-textarea'
export type { FieldTextareaProps } from './field-textarea'
export { PickerBox } from './picker-box'
export type { PickerBoxProps } from './picker-box'
