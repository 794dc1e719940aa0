// 结果公示: a selection's published results; pull down to refresh, loads more at the bottom.
export default definePageConfig({ navigationBarTitleText: '结果公示', enablePullDownRefresh: true, onReachBottomDistance: 200 })
