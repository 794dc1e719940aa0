// 绑定工作身份: staff and experts enter an invite code.
export default definePageConfig({ navigationBarTitleText: '绑定工作身份' })
