// 我的优惠: claimed offers with their codes; pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '我的优惠', enablePullDownRefresh: true })
