// Local demo sign-in page (h5 build only; listed in app.config for h5 alone).
export default definePageConfig({ navigationBarTitleText: '本地演示登录' })
