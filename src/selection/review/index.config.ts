// 作品审核 (organisers): the review queue; pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '作品审核', enablePullDownRefresh: true, onReachBottomDistance: 200 })
