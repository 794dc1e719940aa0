// NoticeList: the resident's clinic messages.
export { NoticeList } from './notice-list'
