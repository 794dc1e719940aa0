// Home page: the festival; pull down to refresh, shareable to a chat.
export default definePageConfig({
  navigationBarTitleText: '妇幼健康公益文化节',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
