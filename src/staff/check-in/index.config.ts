// 现场签到: staff check residents in at the door.
export default definePageConfig({ navigationBarTitleText: '现场签到' })
