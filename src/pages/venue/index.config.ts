// Sub-venue page (title replaced by the venue's name once loaded); pull down to refresh, shareable.
export default definePageConfig({
  navigationBarTitleText: '分会场',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
