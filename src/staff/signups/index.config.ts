// 报名名单 (staff and organisers): sign-ups of a slot, masked; export to Excel.
export default definePageConfig({ navigationBarTitleText: '报名名单' })
