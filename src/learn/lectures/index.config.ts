// 科普大讲堂: the lecture list; pull down to refresh, shareable to a chat and to 朋友圈.
export default definePageConfig({
  navigationBarTitleText: '科普大讲堂',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
