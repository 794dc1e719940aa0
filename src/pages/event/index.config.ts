// Event page (title replaced by the event's title once loaded); shareable.
export default definePageConfig({ navigationBarTitleText: '活动详情', enableShareAppMessage: true })
