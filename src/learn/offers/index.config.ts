// 惠民活动周: offers per hospital with claims; pull down to refresh, shareable.
export default definePageConfig({ navigationBarTitleText: '惠民活动周', enablePullDownRefresh: true, enableShareAppMessage: true })
