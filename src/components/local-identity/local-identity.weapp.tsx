// WeChat: identity comes from WeChat itself, so there is no demo sign-in entry.
export function LocalIdentity(): null {
  return null
}
