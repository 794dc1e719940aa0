export default definePageConfig({ navigationBarTitleText: '妇幼健康公益文化节', enablePullDownRefresh: true })
