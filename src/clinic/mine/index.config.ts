// 我的报名: my sign-ups and clinic messages; pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '我的报名', enablePullDownRefresh: true })
