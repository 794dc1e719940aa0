// MoreFooter: the paging control under a list.
export { MoreFooter } from './more-footer'
export type { MoreFooterProps } from './more-footer'
