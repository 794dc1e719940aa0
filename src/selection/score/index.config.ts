// 案例评审 (experts): the cases of the expert's categories to score; pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '案例评审', enablePullDownRefresh: true, onReachBottomDistance: 200 })
