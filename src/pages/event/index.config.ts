export default definePageConfig({ navigationBarTitleText: 'event' })
