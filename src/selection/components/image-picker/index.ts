// ImagePicker: chosen photos with their upload state, and 添加照片.
export { ImagePicker } from './image-picker'
export type { ImagePickerProps } from './image-picker'
