// 作品展示: a selection's published works; pull down to refresh, shareable, loads more at the bottom.
export default definePageConfig({
  navigationBarTitleText: '作品展示',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  onReachBottomDistance: 200,
})
