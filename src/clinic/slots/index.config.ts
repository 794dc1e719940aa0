// 义诊报名: the slot list; pull down to refresh, shareable.
export default definePageConfig({
  navigationBarTitleText: '义诊报名',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
