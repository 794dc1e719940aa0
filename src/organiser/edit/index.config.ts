// 编辑内容 (organisers; staff for their own venue): the server checks the role on every action.
export default definePageConfig({ navigationBarTitleText: '编辑内容' })
