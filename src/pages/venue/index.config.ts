export default definePageConfig({ navigationBarTitleText: 'venue' })
