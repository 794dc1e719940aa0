// 作品详情: one work with its pictures, story and 投票; shareable to a chat.
export default definePageConfig({ navigationBarTitleText: '作品详情', enablePullDownRefresh: true, enableShareAppMessage: true })
