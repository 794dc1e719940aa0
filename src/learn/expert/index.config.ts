// One expert of the think-tank; shareable.
export default definePageConfig({ navigationBarTitleText: '智库专家', enableShareAppMessage: true })
