// 排行榜: a selection's works by votes; pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '排行榜', enablePullDownRefresh: true, onReachBottomDistance: 200 })
