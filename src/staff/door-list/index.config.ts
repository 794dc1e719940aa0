// 门口签到名单 (staff and organisers): a slot's list to print on A4 for the door.
export default definePageConfig({ navigationBarTitleText: '门口签到名单' })
