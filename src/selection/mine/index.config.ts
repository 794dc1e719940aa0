// 我的作品: my works in every selection; pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '我的作品', enablePullDownRefresh: true })
