// 上传作品: the photo-work form.
export default definePageConfig({ navigationBarTitleText: '上传作品' })
