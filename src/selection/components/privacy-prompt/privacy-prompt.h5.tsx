// The browser build (local runtime) has no WeChat privacy authorization to answer: choosing a file in the
// browser's own chooser is the user's consent, so the prompt renders nothing here.
export function PrivacyPrompt() {
  return null
}
