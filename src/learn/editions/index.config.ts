// 往届回顾: the published editions of the festival.
export default definePageConfig({ navigationBarTitleText: '往届回顾' })
