// Slot create/edit form for staff and organisers.
export default definePageConfig({ navigationBarTitleText: '义诊场次' })
