// 页面不存在: the landing page for links to pages that do not exist.
export default definePageConfig({ navigationBarTitleText: '页面不存在' })
