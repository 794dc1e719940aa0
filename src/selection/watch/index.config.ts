// 投票监控 (organisers): votes over time per work; pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '投票监控', enablePullDownRefresh: true })
