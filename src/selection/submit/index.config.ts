// 上传作品: the work form of the selection's kind (申报案例 retitles the page itself).
export default definePageConfig({ navigationBarTitleText: '上传作品' })
