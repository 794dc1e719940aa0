// PrivacyPrompt: WeChat's privacy authorization before chooseMedia (weapp); nothing in the browser build.
export { PrivacyPrompt } from './privacy-prompt'
