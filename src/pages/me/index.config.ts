// 我的 page (a tab).
export default definePageConfig({ navigationBarTitleText: '我的' })
