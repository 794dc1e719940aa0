// 数据概览 (organisers; staff for their own venue): the server checks the role.
export default definePageConfig({ navigationBarTitleText: '数据概览', enablePullDownRefresh: true })
