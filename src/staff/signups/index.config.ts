// 报名名单 (staff and organisers): a slot's sign-ups, masked; figures; Excel export. Pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '报名名单', enablePullDownRefresh: true })
