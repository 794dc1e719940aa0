export default definePageConfig({ navigationBarTitleText: 'venues' })
