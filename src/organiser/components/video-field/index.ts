// The editor's lecture video field (see video-field.tsx).
export { VideoField, type VideoFieldProps } from './video-field'
