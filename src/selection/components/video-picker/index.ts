// VideoPicker: the chosen video's cover, duration and upload state, 选择视频 / 换一段视频.
export { VideoPicker } from './video-picker'
export type { VideoPickerProps } from './video-picker'
