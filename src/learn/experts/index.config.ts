// 妇幼健康智库: the expert directory; pull down to refresh, shareable.
export default definePageConfig({ navigationBarTitleText: '妇幼健康智库', enablePullDownRefresh: true, enableShareAppMessage: true })
