// Sub-venue list page (a tab); pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '分会场', enablePullDownRefresh: true })
