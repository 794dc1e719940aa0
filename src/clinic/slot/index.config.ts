// One clinic slot with its sign-up form; shareable (a family member can sign up from the link).
export default definePageConfig({
  navigationBarTitleText: '义诊报名',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
