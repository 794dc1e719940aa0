// 内容管理 (organisers; staff for their own venue): the server checks the role on every action.
export default definePageConfig({ navigationBarTitleText: '内容管理', enablePullDownRefresh: true })
