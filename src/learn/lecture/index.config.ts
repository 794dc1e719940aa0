// One lecture (title replaced by the lecture's once loaded); shareable to a chat and to 朋友圈.
export default definePageConfig({ navigationBarTitleText: '科普课程', enableShareAppMessage: true, enableShareTimeline: true })
