// 邀请码管理 (organisers only; the page itself checks the role through the server).
export default definePageConfig({ navigationBarTitleText: '邀请码管理' })
