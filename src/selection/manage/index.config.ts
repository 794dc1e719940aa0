// 评选管理 (organisers): weights, publishing results, links to review, watch and results; pull down to refresh.
export default definePageConfig({ navigationBarTitleText: '评选管理', enablePullDownRefresh: true })
