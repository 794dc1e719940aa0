// ShareButton: 分享给好友 — WeChat's share button, or the browser's share sheet / copied link on h5.
export { ShareButton } from './share-button'
export type { ShareButtonProps } from './share-button'
